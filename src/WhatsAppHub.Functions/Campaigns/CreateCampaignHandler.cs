using System.Text.Json.Nodes;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Messaging;
using WhatsAppHub.Functions.Problems;
using WhatsAppHub.Functions.Storage;
using WhatsAppHub.Functions.Templates;

namespace WhatsAppHub.Functions.Campaigns;

/// <summary>
/// <c>POST /api/campaigns</c>: reads the campaign (<see cref="CampaignRequest"/>), finds its template in the account of
/// the sending number and binds every recipient's values to it, so a bad number or value anywhere in the audience is
/// refused (400, each named) before anything is stored or sent. A number that appears twice is kept once: later
/// copies are stored as <c>skipped-invalid</c>. Then the audience is written, the first run is queued (hidden until
/// <c>startAt</c>) and the campaign row stored; 201 with its Location. With an <c>Idempotency-Key</c>, a repeat of the
/// same request answers with the campaign the first one made (and finishes it if the first was cut short); the same key
/// with other content is a 409.
/// </summary>
public sealed class CreateCampaignHandler(
    TemplateMessages templates,
    CampaignStore store,
    IdempotencyStore idempotency,
    QueueService queues,
    HubOptions options,
    TimeProvider clock,
    ILogger<CreateCampaignHandler> logger)
{
    /// <summary>A recipient's values are stored in one property (32K characters); a real template's values are far smaller.</summary>
    public const int MaxValuesLength = 16 * 1024;

    private readonly IWorkQueue _queue = queues.GetQueue(HubQueues.Campaigns);

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var key = ReadKey(request, out var keyProblem);
        if (keyProblem is not null) return keyProblem;
        var (campaign, problem) = await CampaignRequest.ReadAsync(request, options.Outbound.RatePerSecond, now, cancellationToken);
        if (campaign is null) return problem!;

        var sender = PhoneNumberId.Normalize(campaign.PhoneNumberId ?? options.Eum.DefaultPhoneNumberId);
        var (template, templateProblem) = await templates.FindAsync(campaign.TemplateName, campaign.TemplateLanguage, sender, cancellationToken);
        var errors = campaign.Errors;
        if (template is null) return errors.IsEmpty ? templateProblem! : CampaignRequest.Refuse(errors);

        var recipients = Bind(template, sender, campaign.Audience, errors);
        if (!errors.IsEmpty) return CampaignRequest.Refuse(errors);
        // A bad audience is named in full first; the template's state is the next thing to fix.
        if (TemplateMessages.RefuseUnsendable(template) is { } refused) return refused;

        var id = CampaignKeys.NewId();
        if (key is not null)
        {
            var (outcome, claimed) = await idempotency.ClaimAsync(KeyPrefix + key, Route, campaign.Content, id, cancellationToken);
            if (outcome == IdempotencyStore.Outcome.Conflict)
                return HubProblems.Conflict("idempotency-conflict", "The Idempotency-Key was used with another request.",
                    $"Key '{key}' already belongs to campaign {claimed}, created from different content. Use a new key for a new campaign.");
            id = claimed;
            if (outcome == IdempotencyStore.Outcome.Repeat && await store.GetAsync(id, cancellationToken) is var (earlier, _))
                return Results.Created(CampaignEndpoints.Location(id), CampaignView.From(earlier, outcomes: null));
        }
        var runId = Guid.NewGuid().ToString("N");
        var scheduled = campaign.StartAt > now;
        var stored = new Campaign(id, campaign.Name, template.Name, template.Language, template.Category, sender, campaign.Source, campaign.StartAt,
            campaign.RatePerSecond ?? Math.Min(options.Campaigns.RatePerSecond, options.Outbound.RatePerSecond),
            campaign.Draft ? CampaignStatuses.Draft : scheduled ? CampaignStatuses.Scheduled : CampaignStatuses.Running, null, recipients.Count, 0, 0, 0, 0, 0, runId,
            scheduled ? campaign.StartAt : now, now, now, null, null);

        await store.WriteRecipientsAsync(id, recipients, cancellationToken);
        // The queue message before the row: a row without queue work would never run, while work without a row (the
        // insert failed, answered 503) is dropped by the runner after a grace period.
        if (!campaign.Draft)
            await _queue.PutAsync(CampaignWork.ToText(id, runId), visibilityDelay: CampaignRunner.QueueDelay(stored.StartAt - now),
                timeToLive: Timeout.InfiniteTimeSpan, ct: cancellationToken);
        await store.InsertAsync(stored, cancellationToken);
        logger.LogInformation("Campaign {CampaignId} created: template {Template} ({Language}), {Count} recipients from {Source}, {Rate}/s, {Status}",
            id, template.Name, template.Language, recipients.Count, campaign.Source, stored.RatePerSecond, stored.Status);
        return Results.Created(CampaignEndpoints.Location(id), CampaignView.From(stored, outcomes: null));
    }

    /// <summary>Campaign keys live beside message keys: the prefix keeps a campaign's key from ever naming a message.</summary>
    private const string KeyPrefix = "campaign-create:";

    private const string Route = "campaigns";

    private static string? ReadKey(HttpRequest request, out IResult? problem)
    {
        problem = null;
        if (request.Headers[AcceptMessageHandler.IdempotencyHeader] is not { Count: > 0 } keys) return null;
        var key = keys.ToString();
        if (keys.Count == 1 && IdempotencyStore.IsValidKey(key)) return key;
        problem = HubProblems.Validation([new ValidationError($"header.{AcceptMessageHandler.IdempotencyHeader}", "pattern",
            $"'{AcceptMessageHandler.IdempotencyHeader}' must be one value of 1-{IdempotencyStore.MaxKeyLength} printable ASCII characters.")]);
        return null;
    }

    /// <summary>Each recipient checked and bound as the runner will bind it; errors stop being collected past the cap.</summary>
    private static List<CampaignRecipient> Bind(TemplateRecord template, string sender, IReadOnlyList<AudienceEntry> audience, ValidationErrors errors)
    {
        var recipients = new List<CampaignRecipient>(audience.Count);
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < audience.Count && errors.All.Count <= CampaignRequest.MaxErrors; i++)
        {
            var entry = audience[i];
            var before = errors.All.Count;
            RecipientRules.Validate(entry.To, entry.ToPath, errors);
            if (errors.All.Count != before) continue;
            var envelope = new JsonObject { ["to"] = entry.To, [OutboundMessageReader.SenderMember] = sender };
            if (TemplateMessages.Build(template, envelope, CampaignRequest.Element(entry.Values), entry.ValuesPath, errors) is null) continue;
            var values = entry.Values?.ToJsonString();
            if (values?.Length > MaxValuesLength)
            {
                errors.Add(entry.ValuesPath, "maxLength", $"A recipient's values may hold at most {MaxValuesLength} characters of JSON.");
                continue;
            }
            var waId = RecipientRules.ToWaId(entry.To);
            recipients.Add(first.TryAdd(waId, i)
                ? new CampaignRecipient(i, entry.To, values, RecipientStates.Pending)
                : new CampaignRecipient(i, entry.To, values, RecipientStates.SkippedInvalid, Reason: $"duplicate: the number is recipient {first[waId]} of the audience"));
        }
        return recipients;
    }
}
