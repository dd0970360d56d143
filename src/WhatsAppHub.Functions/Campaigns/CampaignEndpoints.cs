using System.Globalization;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Analytics;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Campaigns;

/// <summary>
/// Routes of campaigns (<c>send_marketing_message</c> at scale): create one from a stored template and an audience
/// (JSON list or CSV upload), follow its progress, list them, see its recipients, and pause, resume or cancel it.
/// </summary>
public static class CampaignEndpoints
{
    public static RouteGroupBuilder MapCampaignEndpoints(this RouteGroupBuilder api)
    {
        var campaigns = api.MapGroup("/campaigns").WithTags("Campaigns");
        campaigns.MapPost("/", (HttpRequest request, CreateCampaignHandler handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName("CreateCampaign")
            .WithSummary("Send a stored template to an audience at a pace: JSON {name?, template: {name, language}, phoneNumberId?, startAt?, ratePerSecond?, recipients: [{to, values?}]}, or multipart/form-data with a 'campaign' JSON field and a CSV 'file'; every recipient is bound first; 201 + Location.");
        campaigns.MapGet("/", ListAsync).WithName("ListCampaigns")
            .WithSummary("List campaigns, oldest first, optionally of one status (draft, scheduled, running, paused, completed, cancelled); continuation pages it.");
        campaigns.MapGet("/{id}", GetAsync).WithName("GetCampaign")
            .WithSummary("A campaign's status and counts: total, pending, queued, sent, delivered, read, failed, skippedSuppressed, skippedOther, and progress.");
        campaigns.MapGet("/{id}/recipients", RecipientsAsync).WithName("ListCampaignRecipients")
            .WithSummary("A campaign's recipients in audience order with their state (pending, queued + messageId, skipped-suppressed, skipped-invalid, refused), optionally of one state.");
        campaigns.MapPost("/{id}/start", (string id, CampaignControl control, CancellationToken ct) => control.StartAsync(id, ct))
            .WithName("StartCampaign").WithSummary("Start a draft campaign (created with draft: true), now or at its startAt. 409 in other states.");
        campaigns.MapPost("/{id}/pause", (string id, CampaignControl control, CancellationToken ct) => control.PauseAsync(id, ct))
            .WithName("PauseCampaign").WithSummary("Stop queueing recipients (a scheduled or running campaign); messages already queued still go out. 409 in other states.");
        campaigns.MapPost("/{id}/resume", (string id, CampaignControl control, CancellationToken ct) => control.ResumeAsync(id, ct))
            .WithName("ResumeCampaign").WithSummary("Go on from the first recipient not handled yet (a paused campaign). 409 in other states.");
        campaigns.MapPost("/{id}/cancel", (string id, CampaignControl control, CancellationToken ct) => control.CancelAsync(id, ct))
            .WithName("CancelCampaign").WithSummary("End the campaign for good; recipients not handled yet stay pending. 409 once it has ended.");
        return api;
    }

    public static string Location(string id) => $"/api/campaigns/{id}";

    /// <summary>Reads the route's id: a 400 naming <c>route.id</c> when it cannot be a campaign id.</summary>
    public static IResult? CheckId(string id) => CampaignKeys.IsId(id)
        ? null
        : HubProblems.Validation([new ValidationError("route.id", "pattern", "A campaign id is 'cmp-' and 32 lower-case hex digits.")]);

    public static IResult NotFound(string id) => HubProblems.NotFound($"The hub knows no campaign {id}.");

    private static async Task<IResult> GetAsync(string id, CampaignStore store, OutcomeCounter outcomes, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (CheckId(id) is { } bad) return bad;
        if (await store.GetAsync(id, cancellationToken) is not var (campaign, _)) return NotFound(id);
        var counts = await outcomes.ReadAsync(OutcomeScope.Campaign(id), DateOnly.FromDateTime(campaign.CreatedAt.UtcDateTime),
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
        return Results.Ok(CampaignView.From(campaign, counts.Total));
    }

    private static async Task<IResult> ListAsync(HttpRequest request, CampaignStore store, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var status = QueryParameters.OneOf(QueryParameters.Text(request.Query, "status"), "status", CampaignStatuses.All, errors);
        var limit = QueryParameters.Limit(request.Query, errors);
        var continuation = QueryParameters.Continuation(request.Query, errors);
        if (!errors.IsEmpty) return HubProblems.Validation(errors.All);
        var (items, next) = await store.ListAsync(status, limit, continuation, cancellationToken);
        return Results.Ok(new CampaignListView(items.Select(c => CampaignView.From(c, outcomes: null)).ToList(), next?.ToToken()));
    }

    private static readonly string[] RecipientStateNames =
        [RecipientStates.Pending, RecipientStates.Queued, RecipientStates.SkippedSuppressed, RecipientStates.SkippedInvalid, RecipientStates.Refused];

    private static async Task<IResult> RecipientsAsync(string id, HttpRequest request, CampaignStore store, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (!CampaignKeys.IsId(id)) errors.Add("route.id", "pattern", "A campaign id is 'cmp-' and 32 lower-case hex digits.");
        var state = QueryParameters.OneOf(QueryParameters.Text(request.Query, "state"), "state", RecipientStateNames, errors);
        var limit = QueryParameters.Limit(request.Query, errors);
        var from = 0;
        if (QueryParameters.Text(request.Query, "continuation") is { } token
            && !(int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out from) && from < CampaignRequest.MaxRecipients))
            errors.Add("query.continuation", "format", "'continuation' is not a token this API returned.");
        if (!errors.IsEmpty) return HubProblems.Validation(errors.All);

        if (await store.GetAsync(id, cancellationToken) is not var (campaign, _)) return NotFound(id);
        var (items, next) = await store.ListRecipientsAsync(id, campaign.Total, from, state, limit, cancellationToken);
        return Results.Ok(new CampaignRecipientListView(items.Select(CampaignRecipientView.From).ToList(),
            next?.ToString(CultureInfo.InvariantCulture)));
    }
}
