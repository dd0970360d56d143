using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging;

namespace WhatsAppHub.Core.Inbound;

/// <summary>
/// Turns one parsed EUM event into the normalized <see cref="HubEvent"/>s subscribers receive and the event history
/// keeps: one per message, status, <c>value.errors[]</c> item, account-level change and unreadable item, in that order.
/// </summary>
/// <remarks>
/// Ids are deterministic so duplicates fold wherever the webhook itself allows it. Meta retries a webhook under a new
/// EUM event (a new SNS MessageId), so ids of messages and statuses come from Meta's own ids (<c>message:{wamid}</c>,
/// <c>status:{wamid}:{status}</c>) and an account change's from a hash of what Meta sent (account, field, entry time,
/// value). <c>value.errors[]</c> items and unreadable items have no id and no time of their own: hashing their content
/// would fold two genuine occurrences of the same error into one, losing the second, so their ids name the SNS delivery
/// and the item's place in it (<c>error:{snsMessageId}:{index}</c>): SNS and queue redeliveries fold, a Meta retry of
/// one of them shows twice.
/// </remarks>
public static class HubEventMapper
{
    /// <summary>The events of <paramref name="evt"/>, delivered as SNS message <paramref name="snsMessageId"/>.</summary>
    /// <param name="fallbackTime">When neither the item, the entry nor EUM says when (the time the hub stored the
    /// delivery, so a re-run gives the same answer).</param>
    public static IReadOnlyList<HubEvent> Map(EumEvent evt, string snsMessageId, DateTimeOffset fallbackTime)
    {
        var events = new List<HubEvent>(evt.Messages.Count + evt.Statuses.Count + evt.Payments.Count + evt.Errors.Count + evt.AccountEvents.Count + evt.Unknown.Count);
        var published = evt.PublishedAt ?? fallbackTime;
        foreach (var message in evt.Messages) events.Add(Message(evt, message, published));
        foreach (var status in evt.Statuses) events.Add(Status(evt, status, published));
        foreach (var payment in evt.Payments) events.Add(Payment(evt, payment, published));
        for (var i = 0; i < evt.Errors.Count; i++) events.Add(Error(evt, evt.Errors[i], $"error:{snsMessageId}:{i}", published));
        foreach (var account in evt.AccountEvents) events.Add(Account(evt, account, snsMessageId, published));
        for (var i = 0; i < evt.Unknown.Count; i++) events.Add(Unknown(evt, evt.Unknown[i], $"unknown:{snsMessageId}:{i}", published));
        return events;
    }

    private static HubEvent Message(EumEvent evt, InboundMessage message, DateTimeOffset published)
    {
        var data = new JsonObject
        {
            ["wamid"] = message.Wamid,
            ["from"] = message.From,
            ["waId"] = message.WaId,
            ["contactName"] = message.ContactName,
            ["type"] = message.Type,
            ["content"] = Content(message.Content),
            ["context"] = Context(message.Context),
            ["referral"] = Referral(message.Referral),
            ["groupId"] = message.GroupId,
        };
        // A message without a wamid is still an event; its id then hashes what Meta sent, which a retry repeats.
        var id = message.Wamid is { Length: > 0 } wamid ? $"message:{wamid}" : $"message:#{Hash(evt.MetaWabaId, message.RawJson)}";
        return new HubEvent(id, HubEventTypes.MessageReceived, message.Timestamp ?? published, evt.MetaWabaId,
            PhoneNumber(evt, message.MetaPhoneNumberId), NullIfEmpty(message.WaId), Compact(data));
    }

    private static HubEvent Status(EumEvent evt, StatusUpdate status, DateTimeOffset published)
    {
        var data = new JsonObject
        {
            ["wamid"] = status.Wamid,
            ["status"] = status.Status,
            ["messageId"] = MessageRecord.IdFromCallback(status.CallbackData), // the hub's own whatsapphub:{id}
            ["recipientId"] = status.RecipientId,
            ["recipientType"] = status.RecipientType,
            ["participant"] = status.RecipientParticipantId,
            ["callbackData"] = status.CallbackData,
            ["conversation"] = status.Conversation is { } c
                ? new JsonObject { ["id"] = c.Id, ["expiresAt"] = Time(c.ExpiresAt), ["originType"] = c.OriginType }
                : null,
            ["pricing"] = status.Pricing is { } p
                ? new JsonObject { ["billable"] = p.Billable, ["pricingModel"] = p.PricingModel, ["type"] = p.Type, ["category"] = p.Category }
                : null,
            ["errors"] = status.Errors.Count > 0 ? Errors(status.Errors) : null,
        };
        // A group send's statuses name the participant; the contact is the participant, else the recipient.
        var waId = status.RecipientType == "group" ? status.RecipientParticipantId : status.RecipientId;
        return new HubEvent($"status:{status.Wamid}:{status.Status}", HubEventTypes.StatusPrefix + status.Status, status.Timestamp ?? published,
            evt.MetaWabaId, PhoneNumber(evt, status.MetaPhoneNumberId), waId is null ? null : NullIfEmpty(RecipientRules.ToWaId(waId)), Compact(data));
    }

    private static HubEvent Payment(EumEvent evt, PaymentStatus payment, DateTimeOffset published)
    {
        var t = payment.Transaction;
        var data = new JsonObject
        {
            ["referenceId"] = payment.ReferenceId,
            ["status"] = payment.Status,
            ["amount"] = payment.Amount is { } value ? new JsonObject { ["value"] = value, ["offset"] = payment.Offset } : null,
            ["currency"] = payment.Currency,
            ["transaction"] = t is null ? null : new JsonObject
            {
                ["id"] = t.Id, ["type"] = t.Type, ["status"] = t.Status, ["methodType"] = t.MethodType,
                ["createdAt"] = Time(t.CreatedAt), ["updatedAt"] = Time(t.UpdatedAt),
                ["error"] = t.ErrorCode is null && t.ErrorReason is null ? null : new JsonObject { ["code"] = t.ErrorCode, ["reason"] = t.ErrorReason },
            },
            ["recipientId"] = payment.RecipientId,
        };
        // One order may fail twice under different transactions: the transaction joins the id so both are kept.
        var id = $"payment:{payment.ReferenceId}:{payment.Status}" + (t?.Id is { Length: > 0 } tx ? ":" + tx : "");
        return new HubEvent(id, HubEventTypes.PaymentPrefix + payment.Status, payment.Timestamp ?? published, evt.MetaWabaId,
            PhoneNumber(evt, payment.MetaPhoneNumberId), payment.RecipientId is { } r ? NullIfEmpty(RecipientRules.ToWaId(r)) : null, Compact(data));
    }

    private static HubEvent Error(EumEvent evt, WebhookError error, string id, DateTimeOffset published)
    {
        var data = ErrorObject(error);
        data["displayPhoneNumber"] = error.Metadata?.DisplayPhoneNumber;
        return new HubEvent(id, HubEventTypes.Error, published, evt.MetaWabaId, PhoneNumber(evt, error.Metadata?.MetaPhoneNumberId), null, Compact(data));
    }

    private static HubEvent Account(EumEvent evt, AccountEvent account, string snsMessageId, DateTimeOffset published)
    {
        var data = new JsonObject
        {
            ["field"] = account.Field,
            ["kind"] = account.Kind,
            ["known"] = account.Known,
            ["event"] = account.Event,
            ["subject"] = account.Subject,
            ["displayPhoneNumber"] = account.Metadata?.DisplayPhoneNumber,
        };
        // Without the entry time two equal changes cannot be told apart from a retry, so the delivery joins the hash.
        var time = account.OccurredAt is { } at ? at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : "sns:" + snsMessageId;
        var id = $"account:{account.Field}:{Hash(evt.MetaWabaId, account.Field, time, account.ValueJson)}";
        // Only account-wide fields never name a number; a call or a group's change does, through its metadata.
        var phone = account.Metadata?.MetaPhoneNumberId is { } meta ? PhoneNumber(evt, meta) : null;
        return new HubEvent(id, HubEventTypes.AccountPrefix + account.Kind, account.OccurredAt ?? published, evt.MetaWabaId, phone, null,
            Compact(data, ("value", ParseOrText(account.ValueJson))));
    }

    private static HubEvent Unknown(EumEvent evt, UnknownItem item, string id, DateTimeOffset published)
    {
        var data = new JsonObject { ["where"] = item.Where, ["reason"] = item.Reason };
        return new HubEvent(id, HubEventTypes.Unknown, published, evt.MetaWabaId, null, null, Compact(data, ("raw", ParseOrText(item.RawJson))));
    }

    private static string? PhoneNumber(EumEvent evt, string? metaPhoneNumberId) =>
        evt.EumPhoneNumberFor(metaPhoneNumberId) is { } arn ? PhoneNumberId.Normalize(arn) : null;

    private static JsonObject Content(InboundContent content) => content switch
    {
        TextContent t => new JsonObject { ["body"] = t.Body },
        MediaContent m => new JsonObject
        {
            ["mediaType"] = m.MediaType, ["id"] = m.MediaId, ["mimeType"] = m.MimeType, ["sha256"] = m.Sha256, ["caption"] = m.Caption,
            ["filename"] = m.FileName, ["url"] = m.Url, ["voice"] = m.Voice, ["animated"] = m.Animated,
        },
        LocationContent l => new JsonObject { ["latitude"] = l.Latitude, ["longitude"] = l.Longitude, ["name"] = l.Name, ["address"] = l.Address, ["url"] = l.Url },
        ContactsContent c => new JsonObject { ["names"] = new JsonArray(c.FormattedNames.Select(n => (JsonNode?)n).ToArray()), ["count"] = c.Count },
        InteractiveReplyContent i => new JsonObject
        {
            ["kind"] = i.Kind, ["replyId"] = i.ReplyId, ["title"] = i.Title, ["description"] = i.Description, ["flowName"] = i.FlowName,
            ["body"] = i.Body, ["responseJson"] = i.ResponseJson, ["flowToken"] = i.FlowToken, ["response"] = i.Response,
            ["isPermanent"] = i.IsPermanent, ["expiresAt"] = Time(i.ExpiresAt), ["responseSource"] = i.ResponseSource,
        },
        ButtonContent b => new JsonObject { ["payload"] = b.Payload, ["text"] = b.Text },
        OrderContent o => new JsonObject
        {
            ["catalogId"] = o.CatalogId, ["text"] = o.Text,
            ["items"] = new JsonArray(o.Items.Select(i => (JsonNode?)new JsonObject
            {
                ["productRetailerId"] = i.ProductRetailerId, ["quantity"] = i.Quantity, ["itemPrice"] = i.ItemPrice, ["currency"] = i.Currency,
            }).ToArray()),
        },
        ReactionContent r => new JsonObject { ["messageId"] = r.MessageId, ["emoji"] = r.Emoji, ["removed"] = r.Removed },
        SystemContent s => new JsonObject { ["body"] = s.Body, ["newWaId"] = s.NewWaId, ["systemType"] = s.SystemType },
        RequestWelcomeContent => new JsonObject(),
        UnsupportedContent u => new JsonObject { ["unsupportedType"] = u.UnsupportedType, ["errors"] = Errors(u.Errors) },
        UnknownContent u => new JsonObject { ["unknown"] = true, ["reason"] = u.Reason },
        _ => new JsonObject { ["unknown"] = true },
    };

    private static JsonObject? Context(MessageContext? context) => context is null ? null : new JsonObject
    {
        ["from"] = context.From,
        ["id"] = context.Id,
        ["forwarded"] = context.Forwarded ? true : null,
        ["frequentlyForwarded"] = context.FrequentlyForwarded ? true : null,
        ["referredCatalogId"] = context.ReferredCatalogId,
        ["referredProductRetailerId"] = context.ReferredProductRetailerId,
    };

    private static JsonObject? Referral(Referral? r) => r is null ? null : new JsonObject
    {
        ["sourceUrl"] = r.SourceUrl, ["sourceId"] = r.SourceId, ["sourceType"] = r.SourceType, ["headline"] = r.Headline, ["body"] = r.Body,
        ["mediaType"] = r.MediaType, ["imageUrl"] = r.ImageUrl, ["videoUrl"] = r.VideoUrl, ["thumbnailUrl"] = r.ThumbnailUrl,
        ["ctwaClid"] = r.CtwaClid, ["welcomeMessageText"] = r.WelcomeMessageText, ["ref"] = r.Ref,
    };

    private static JsonArray Errors(IReadOnlyList<WebhookError> errors) => new(errors.Select(e => (JsonNode?)ErrorObject(e)).ToArray());

    private static JsonObject ErrorObject(WebhookError e) => new() { ["code"] = e.Code, ["title"] = e.Title, ["details"] = e.Details, ["href"] = e.Href };

    private static string? Time(DateTimeOffset? time) => time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Meta's value as JSON when it is JSON (it always is from the parser), else kept as text, never dropped.</summary>
    private static JsonNode? ParseOrText(string raw)
    {
        try
        {
            return JsonNode.Parse(raw, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return JsonValue.Create(raw);
        }
    }

    /// <summary>
    /// The object's JSON without the null members of the hub's own objects, so every event reads the same whatever Meta
    /// left out; <paramref name="raw"/> (Meta's values as received) is added afterwards, untouched.
    /// </summary>
    private static string Compact(JsonObject data, params (string Name, JsonNode? Value)[] raw)
    {
        RemoveNulls(data);
        foreach (var (name, value) in raw) data[name] = value;
        return data.ToJsonString();
    }

    private static void RemoveNulls(JsonObject node)
    {
        foreach (var name in node.Where(p => p.Value is null).Select(p => p.Key).ToList()) node.Remove(name);
        foreach (var (_, value) in node)
        {
            if (value is JsonObject child) RemoveNulls(child);
            else if (value is JsonArray array)
                foreach (var item in array.OfType<JsonObject>()) RemoveNulls(item);
        }
    }

    /// <summary>The first 16 bytes of SHA-256 over the parts (separated so "a","bc" and "ab","c" differ), in hex.</summary>
    private static string Hash(params string?[] parts)
    {
        var text = string.Join('\u001F', parts.Select(p => p ?? "\u0000"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
