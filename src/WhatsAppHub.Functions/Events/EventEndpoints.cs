using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Events;

/// <summary>Routes of the Events area: the history of normalized webhook events.</summary>
public static class EventEndpoints
{
    public static RouteGroupBuilder MapEventEndpoints(this RouteGroupBuilder api)
    {
        var events = api.MapGroup("/events").WithTags("Events");
        events.MapGet("/", ListAsync).WithName("ListEvents")
            .WithSummary("List an account's webhook events, newest first, by type pattern (status.*), number, contact and time (from, until; default the last 24 hours).");
        return api;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, WebhookEventStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (query, errors) = EventListQuery.Read(request.Query, clock.GetUtcNow());
        if (query is null) return HubProblems.Validation(errors);
        var (rows, continuation) = await store.ListAsync(query, cancellationToken);
        return Results.Ok(new EventListView(rows.Select(EventView.From).ToList(), continuation?.ToToken()));
    }
}
