namespace WhatsAppHub.Core.Workflows;

/// <summary>
/// A workflow as a pure state machine: given where an instance is and what woke it, say what happens. No I/O and no
/// clock of its own (<see cref="WorkflowContext.Now"/>), so a transition the runner repeats after a crash decides the
/// same effects, and the machine is tested without storage.
/// </summary>
public interface IWorkflowDefinition
{
    /// <summary>The type name: letters and digits, the prefix of every instance id (<c>{Type}.{key}</c>).</summary>
    string Type { get; }

    /// <exception cref="WorkflowStateException">The state or trigger cannot be handled; the runner fails the instance with the reason.</exception>
    WorkflowDecision Decide(WorkflowContext context, WorkflowTrigger trigger);
}

/// <summary>Where an instance is when a trigger arrives.</summary>
/// <param name="Step">The transition count so far; effects of this transition carry it in their ids.</param>
public sealed record WorkflowContext(string InstanceId, long Step, System.Text.Json.Nodes.JsonObject State, DateTimeOffset Now);

/// <summary>A definition met a state or trigger it cannot handle.</summary>
public sealed class WorkflowStateException(string message) : Exception(message);
