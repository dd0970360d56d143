using System.Text.Json.Nodes;

namespace WhatsAppHub.Core.Workflows;

/// <summary>What wakes an instance: its start, the timer of its current wait, or an external event it waits for.</summary>
public abstract record WorkflowTrigger
{
    /// <summary>A short name for the instance's history ("start", "timer", "event:reply").</summary>
    public abstract string Name { get; }

    /// <summary>The instance begins; <paramref name="Input"/> is what its starter stored.</summary>
    public sealed record Start(JsonObject Input) : WorkflowTrigger
    {
        public override string Name => "start";
    }

    /// <summary>The time of the current wait came (a plain timer, or an event wait that timed out).</summary>
    public sealed record Timer : WorkflowTrigger
    {
        public override string Name => "timer";
    }

    /// <summary>An event the instance waits for arrived through its correlation key.</summary>
    public sealed record Event(string EventName, JsonObject? Payload) : WorkflowTrigger
    {
        public override string Name => "event:" + EventName;
    }
}
