using WhatsAppHub.Core.Workflows;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Workflows;

/// <summary>Routes of the workflow runner: read an instance with its state and history, list instances, cancel one.</summary>
public static class WorkflowEndpoints
{
    public static RouteGroupBuilder MapWorkflowEndpoints(this RouteGroupBuilder api)
    {
        var workflows = api.MapGroup("/workflows").WithTags("Workflows");
        workflows.MapGet("/", ListAsync).WithName("ListWorkflows")
            .WithSummary("List workflow instances, filtered by type (WelcomeSequence, …) and status (running, waiting, completed, failed, cancelled).");
        workflows.MapGet("/{id}", GetAsync).WithName("GetWorkflow")
            .WithSummary("Read a workflow instance: status, step, what it waits for and until when, its state and its latest history.");
        workflows.MapPost("/{id}/cancel", CancelAsync).WithName("CancelWorkflow")
            .WithSummary("End an instance that has not finished: nothing it still waits for happens; 409 when it has finished already.");
        return api;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, WorkflowStore store, WorkflowDefinitions definitions, CancellationToken cancellationToken)
    {
        var (query, errors) = WorkflowListQuery.Read(request.Query, definitions.Types);
        if (query is null) return HubProblems.Validation(errors);
        var (items, continuation) = await store.ListAsync(query.Type, query.Status, query.Limit, query.Continuation, cancellationToken);
        return Results.Ok(new WorkflowListView(items.Select(i => WorkflowView.From(i, full: false)).ToList(), continuation?.ToToken()));
    }

    private static async Task<IResult> GetAsync(string id, WorkflowStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } instance ? Results.Ok(WorkflowView.From(instance, full: true)) : NoWorkflow();

    private static async Task<IResult> CancelAsync(string id, WorkflowRunner runner, CancellationToken cancellationToken)
    {
        if (!WorkflowIds.TryParse(id, out _, out _)) return NoWorkflow();
        var (instance, cancelled) = await runner.CancelAsync(id, "cancelled through the API", cancellationToken);
        if (instance is null) return NoWorkflow();
        return cancelled
            ? Results.Ok(WorkflowView.From(instance, full: true))
            : HubProblems.Conflict("workflow-finished", "The workflow has finished already.", $"Workflow {id} is {instance.Status}; there is nothing to cancel.");
    }

    private static IResult NoWorkflow() => HubProblems.NotFound("No workflow instance has this id.");
}
