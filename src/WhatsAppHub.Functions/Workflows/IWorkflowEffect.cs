using System.Text.Json.Nodes;

namespace WhatsAppHub.Functions.Workflows;

/// <summary>
/// Performs one kind of side effect a workflow decides (<see cref="Core.Workflows.WorkflowEffect.Kind"/>). It is called
/// again with the same <c>effectId</c> when a transition is repeated (a redelivered queue message, a crash before the
/// commit, two instances racing), so it must record the id before acting and act at most once per id.
/// </summary>
public interface IWorkflowEffect
{
    string Kind { get; }

    /// <returns>What happened, for the instance's history (a message id; or why it was refused, which ends no workflow).</returns>
    /// <exception cref="Exception">A passing failure (storage down): the transition is retried later with the same id.</exception>
    Task<WorkflowEffectResult> RunAsync(string effectId, JsonObject payload, CancellationToken cancellationToken);
}

/// <param name="Ok">False when the effect was refused for good (a closed window, an unknown template); retrying would not help.</param>
public sealed record WorkflowEffectResult(bool Ok, string Detail);
