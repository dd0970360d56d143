using System.Globalization;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Messaging.Sending;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Conversations;
using WhatsAppHub.Functions.Media;
using WhatsAppHub.Functions.Messaging.Outbound;
using WhatsAppHub.Functions.Problems;
using WhatsAppHub.Functions.Storage;
using WhatsAppHub.Functions.Templates;

namespace WhatsAppHub.Functions.Messaging;

/// <summary>
/// Accepts a validated message for sending: refuses a template the hub knows is paused or disabled, checks the 24-hour window, honours <c>Idempotency-Key</c>, puts the work on
/// the <c>outbound</c> queue and stores the MESSAGE row as <c>queued</c>, then answers 202 with its Location (or, with
/// <c>?wait=true</c>, the outcome). <see cref="AcceptBatcher"/> stores concurrent accepts together. The queue message goes first: a row without queue work would never be sent, while
/// queue work without a row (an accept that failed half-way, answered 503) is dropped by the worker.
/// </summary>
public sealed class AcceptMessageHandler(
    MessageStore store,
    IdempotencyStore idempotency,
    ConversationStore conversations,
    OpenWindowCache openWindows,
    AcceptBatcher batcher,
    SendCompletions completions,
    MediaIdResolver mediaIds,
    TemplateSendGate templates,
    HubOptions options,
    TimeProvider clock)
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);
    public const int MaxWaitSeconds = 120;

    /// <param name="template">The stored template the message was bound from, recorded on its row (template send routes).</param>
    public async Task<IResult> HandleAsync(HttpRequest request, OutboundMessage message, ReadOnlyMemory<byte> body, string route, CancellationToken cancellationToken,
        TemplateDetails? template = null)
    {
        var (wait, waitFor, key, errors) = ReadOptions(request);
        if (errors.Count > 0) return HubProblems.Validation(errors);
        var (record, refused) = await AcceptAsync(message, key is null ? null : new AcceptKey(key, route, body), template, cancellationToken);
        return refused ?? await AnswerAsync(record!, wait, waitFor, cancellationToken);
    }

    /// <summary>
    /// Accepts a message without an HTTP request (campaigns, workflow steps): the same checks, rows and queue work as
    /// the send routes. A caller that may run twice for one message (a redelivered queue message) passes a
    /// deterministic <paramref name="key"/>: the second call gets the first call's message back instead of a second send.
    /// </summary>
    /// <returns>The stored message, or the problem that refused it (nothing stored).</returns>
    public async Task<(MessageRecord? Message, IResult? Refused)> AcceptAsync(OutboundMessage message, AcceptKey? key, TemplateDetails? template,
        CancellationToken cancellationToken)
    {
        var sender = message.SenderPhoneNumberId ?? options.Eum.DefaultPhoneNumberId;
        // Hub media ids become WhatsApp media ids before anything is stored or queued.
        var mediaErrors = await mediaIds.ResolveAsync(message, sender, cancellationToken);
        if (mediaErrors.Count > 0) return (null, HubProblems.Validation(mediaErrors));
        if (message.Type == "template" && await templates.CheckAsync(sender, message.CloudApiMessage, cancellationToken) is { } refused)
            return (null, refused);
        if (options.Outbound.EnforceServiceWindow && message.NeedsServiceWindow)
        {
            var waId = RecipientRules.ToWaId(message.To);
            if (!openWindows.IsKnownOpen(sender, waId))
            {
                var last = await conversations.GetLastInboundAtAsync(sender, waId, cancellationToken);
                if (!ServiceWindow.IsOpen(last, clock.GetUtcNow()))
                    return (null, HubProblems.ServiceWindowClosed(last is null
                        ? "This contact has never written to this number, so only a template can start the conversation."
                        : $"The contact last wrote at {last:O}, more than 24 hours ago."));
                openWindows.Remember(sender, waId, last);
            }
        }

        var id = MessageRecord.NewId();
        if (key is not null)
        {
            var (outcome, claimedId) = await idempotency.ClaimAsync(key.Key, key.Route, key.Body, id, cancellationToken);
            if (outcome == IdempotencyStore.Outcome.Conflict)
                return (null, HubProblems.Conflict("idempotency-conflict", "The Idempotency-Key was used with another request.",
                    $"Key '{key.Key}' already belongs to message {claimedId}, sent with a different body or route. Use a new key for a new message."));
            id = claimedId;
            if (outcome == IdempotencyStore.Outcome.Repeat && await store.FindAsync(id, cancellationToken) is { } earlier)
                return (earlier.Message, null);
        }

        var now = clock.GetUtcNow();
        var record = new MessageRecord(
            Id: id,
            Direction: MessageDirection.Outbound,
            PhoneNumberId: sender,
            To: message.To,
            Type: message.Type,
            Status: MessageStatus.Queued,
            CloudApiJson: WithHubCallback(message, id),
            CreatedAt: now,
            UpdatedAt: now,
            Template: template);
        await batcher.AcceptAsync(record); // queue work first, then the row; batched with concurrent accepts
        return (record, null);
    }

    private async Task<IResult> AnswerAsync(MessageRecord record, bool wait, TimeSpan waitFor, CancellationToken cancellationToken)
    {
        var location = $"/api/messages/{record.Id}";
        if (!wait) return Results.Accepted(location, MessageView.From(record));

        var outcome = await completions.WaitAsync(record.Id, waitFor, cancellationToken) ?? record;
        return outcome switch
        {
            { Status: MessageStatus.Failed, Error: { } error } => EumProblem.From(error).ToResult(outcome.Id),
            { IsFinal: true } => Results.Created(location, MessageView.From(outcome)),
            _ => Results.Accepted(location, MessageView.From(outcome)),
        };
    }

    /// <summary>
    /// The hub marks messages that carry no <c>biz_opaque_callback_data</c> of their own with its id: status webhooks
    /// echo it, which lets a send whose answer was lost be matched to its wamid instead of being sent twice.
    /// </summary>
    private static string WithHubCallback(OutboundMessage message, string id)
    {
        var json = message.CloudApiMessage.DeepClone().AsObject();
        if (!json.ContainsKey("biz_opaque_callback_data")) json["biz_opaque_callback_data"] = MessageRecord.CallbackPrefix + id;
        return json.ToJsonString();
    }

    private static (bool Wait, TimeSpan WaitFor, string? Key, List<ValidationError> Errors) ReadOptions(HttpRequest request)
    {
        var errors = new List<ValidationError>();
        var wait = false;
        if (request.Query["wait"] is { Count: > 0 } waitText && !bool.TryParse(waitText.ToString(), out wait))
            errors.Add(new ValidationError("query.wait", "boolean", "'wait' must be true or false."));

        var waitFor = DefaultWait;
        if (request.Query["timeout"] is { Count: > 0 } timeoutText)
        {
            if (int.TryParse(timeoutText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= MaxWaitSeconds)
                waitFor = TimeSpan.FromSeconds(seconds);
            else
                errors.Add(new ValidationError("query.timeout", "range", $"'timeout' must be a whole number of seconds from 1 to {MaxWaitSeconds}."));
        }

        string? key = null;
        if (request.Headers[IdempotencyHeader] is { Count: > 0 } keys)
        {
            key = keys.ToString();
            if (keys.Count > 1 || !IdempotencyStore.IsValidKey(key))
            {
                errors.Add(new ValidationError($"header.{IdempotencyHeader}", "pattern",
                    $"'{IdempotencyHeader}' must be one value of 1-{IdempotencyStore.MaxKeyLength} printable ASCII characters."));
                key = null;
            }
        }
        return (wait, waitFor, key, errors);
    }
}

/// <summary>
/// What makes an accept safe to repeat: an <c>Idempotency-Key</c> and the request it came with (its route and body),
/// or, for the hub's own senders, a deterministic key such as <c>campaign:{id}:{recipient}</c> with what it sends.
/// </summary>
public sealed record AcceptKey(string Key, string Route, ReadOnlyMemory<byte> Body);
