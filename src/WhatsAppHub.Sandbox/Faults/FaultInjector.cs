namespace WhatsAppHub.Sandbox.Faults;

/// <summary>What the pipeline does to one call: an error instead of the operation, a delay, and whether to answer at all.</summary>
/// <param name="Error">The error answered instead of carrying out the call (nothing is recorded as sent), or null.</param>
/// <param name="Latency">How long to hold the answer (or the cut, for a drop).</param>
/// <param name="Drop">Carry out the call, then cut the connection without an answer.</param>
/// <param name="Fault">The rule's kind that decided, for the request log; null when no rule applied.</param>
public sealed record FaultDecision(EumFault? Error, TimeSpan Latency, bool Drop, string? Fault)
{
    public static FaultDecision None { get; } = new(null, TimeSpan.Zero, false, null);
}

/// <summary>An injected EUM error answer.</summary>
public sealed record EumFault(int Status, string ErrorType, string Message);

/// <summary>
/// Holds the fault plan and decides, call by call, which rule applies. One lock guards the plan, the seeded random
/// source and the counters, so concurrent calls each consume the next random draws in turn and a plan with a seed
/// replays the same way for the same sequence of calls.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private FaultPlan _plan = FaultPlan.None;
    private Random _random = new(0);
    private RuleState[] _states = [];
    private long _calls;

    private sealed class RuleState
    {
        public long Seen;
        public long Hits;
    }

    public void Replace(FaultPlan plan)
    {
        lock (_gate)
        {
            _plan = plan;
            _random = new Random(plan.Seed);
            _states = plan.Rules.Select(_ => new RuleState()).ToArray();
            _calls = 0;
        }
    }

    public void Clear() => Replace(FaultPlan.None);

    /// <param name="to">The recipient's digits for a send, or null.</param>
    public FaultDecision Decide(string operation, string? to)
    {
        lock (_gate)
        {
            _calls++;
            var latency = TimeSpan.FromMilliseconds(_plan.LatencyMs);
            for (var i = 0; i < _plan.Rules.Count; i++)
            {
                var rule = _plan.Rules[i];
                var state = _states[i];
                if (rule.Operation != FaultPlanReader.AnyOperation && rule.Operation != operation) continue;
                if (rule.To is not null && rule.To != to) continue;
                if (rule.Count is { } limit && state.Hits >= limit) continue;
                state.Seen++;
                // Draw for every call the rule sees, even at rate 1, so adding a rule never shifts the draws of later calls.
                var draw = _random.NextDouble();
                if (draw >= rule.Rate) continue;
                state.Hits++;
                latency += TimeSpan.FromMilliseconds(rule.LatencyMs);
                var name = rule.Fault.ToString().ToLowerInvariant();
                return rule.Fault switch
                {
                    FaultKind.Throttled => new(new(429, "ThrottledRequestException", "Rate exceeded (injected by the sandbox)."), latency, false, name),
                    FaultKind.Internal => new(new(500, "InternalServiceException", "Internal service error (injected by the sandbox)."), latency, false, name),
                    FaultKind.Dependency => new(new(502, "DependencyException", "A dependency failed (injected by the sandbox)."), latency, false, name),
                    FaultKind.Meta => MetaFault(rule.MetaCode!.Value, latency, name),
                    FaultKind.Drop => new(null, latency, true, name),
                    _ => new(null, latency, false, name),
                };
            }
            return latency > TimeSpan.Zero ? new(null, latency, false, null) : FaultDecision.None;
        }
    }

    private static FaultDecision MetaFault(int code, TimeSpan latency, string name)
    {
        var (status, type, message) = MetaErrors.Answer(code);
        return new(new(status, type, message), latency, false, $"{name}:{code}");
    }

    /// <summary>The plan as PUT, with what each rule has done so far (GET /sandbox/faults).</summary>
    public object Describe()
    {
        lock (_gate)
        {
            return new
            {
                seed = _plan.Seed,
                latencyMs = _plan.LatencyMs,
                calls = _calls,
                rules = _plan.Rules.Select((r, i) => new
                {
                    fault = r.Fault.ToString().ToLowerInvariant(),
                    rate = r.Rate,
                    count = r.Count,
                    to = r.To,
                    metaCode = r.MetaCode,
                    operation = r.Operation,
                    latencyMs = r.LatencyMs,
                    seen = _states[i].Seen,
                    injected = _states[i].Hits,
                    remaining = r.Count is { } c ? c - _states[i].Hits : (long?)null,
                }).ToArray(),
            };
        }
    }
}
