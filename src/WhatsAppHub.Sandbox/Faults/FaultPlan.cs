namespace WhatsAppHub.Sandbox.Faults;

/// <summary>What a fault rule does to a call it applies to.</summary>
public enum FaultKind
{
    /// <summary>ThrottledRequestException, HTTP 429.</summary>
    Throttled,

    /// <summary>InternalServiceException, HTTP 500.</summary>
    Internal,

    /// <summary>DependencyException, HTTP 502.</summary>
    Dependency,

    /// <summary>A Meta error passed through EUM (see <see cref="MetaErrors"/>).</summary>
    Meta,

    /// <summary>The call is carried out and its answer delayed by the rule's latency.</summary>
    Latency,

    /// <summary>The call is carried out (a send is recorded and delivered) but no answer is written: the connection is cut.</summary>
    Drop,
}

/// <summary>One rule of a fault plan (PUT /sandbox/faults).</summary>
/// <param name="Rate">The chance (0–1) that the rule applies to a call it sees.</param>
/// <param name="Count">Applies to at most this many calls ("the next N"), or to any number when null.</param>
/// <param name="To">Only sends to this recipient (digits compared), or any call when null.</param>
/// <param name="Operation">The EUM operation the rule watches, or <c>*</c> for all.</param>
/// <param name="LatencyMs">Delay before the answer (or before the connection is cut, for a drop).</param>
public sealed record FaultRule(FaultKind Fault, double Rate, int? Count, string? To, int? MetaCode, string Operation, int LatencyMs);

/// <summary>The fault plan: rules tried in order, each on the calls the ones before let through.</summary>
/// <param name="Seed">Seeds the one random source of all decisions, so a plan replays the same way for the same calls.</param>
/// <param name="LatencyMs">Added to every answer of every operation.</param>
public sealed record FaultPlan(int Seed, int LatencyMs, IReadOnlyList<FaultRule> Rules)
{
    public static FaultPlan None { get; } = new(0, 0, []);
}
