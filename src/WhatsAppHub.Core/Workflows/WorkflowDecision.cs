using System.Text.Json.Nodes;

namespace WhatsAppHub.Core.Workflows;

/// <summary>
/// What a definition decides for one trigger: the new state, the side effects to run (in order; the runner gives each
/// the deterministic id <c>{instanceId}:{step}</c>, <c>.{n}</c> appended after the first), and what comes next.
/// </summary>
public sealed record WorkflowDecision(JsonObject State, IReadOnlyList<WorkflowEffect> Effects, WorkflowNext Next, string Note);

/// <summary>
/// A side effect, as data: <paramref name="Kind"/> names the runner's handler (<c>send-message</c>), <paramref name="Payload"/>
/// is all it needs. The definition never performs it, so deciding twice costs nothing.
/// </summary>
public sealed record WorkflowEffect(string Kind, JsonObject Payload);

/// <summary>Where the instance goes after a transition: a wait (a time, an event with an optional time-out), or an end.</summary>
public abstract record WorkflowNext
{
    /// <summary>Wake at <paramref name="At"/>.</summary>
    public sealed record Timer(DateTimeOffset At) : WorkflowNext;

    /// <summary>
    /// Wake when an event arrives for <paramref name="CorrelationKey"/>, or at <paramref name="TimeoutAt"/> (a
    /// <see cref="WorkflowTrigger.Timer"/>) if it comes first.
    /// </summary>
    public sealed record Event(string CorrelationKey, DateTimeOffset? TimeoutAt) : WorkflowNext;

    public sealed record Complete(string Outcome) : WorkflowNext;

    public sealed record Fail(string Reason) : WorkflowNext;
}
