using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Storage;

namespace WhatsAppHub.Functions.Messaging;

/// <summary>Maps a <see cref="MessageRecord"/> to and from its table row (property names are listed in docs/data-model.md).</summary>
internal static class MessageRows
{
    public static TableRow ToRow(MessageRecord m, string partitionKey, string rowKey)
    {
        var row = new TableRow(partitionKey, rowKey);
        row.Set(ItemType.PropertyName, ItemType.Message);
        row.Set("messageId", m.Id);
        row.Set("direction", m.Direction.ToString().ToLowerInvariant());
        row.Set("phoneNumberId", m.PhoneNumberId);
        row.Set("to", m.To);
        // digits only: what listings filter on, however 'to' was written; for a received message, the contact who wrote
        row.Set("waId", m.Inbound is { } inbound ? inbound.From : RecipientRules.ToWaId(m.To));
        row.Set("type", m.Type);
        row.Set("status", m.Status.ToWire());
        SetLong(row, "cloudApiJson", m.CloudApiJson);
        row.Set("createdAt", m.CreatedAt);
        row.Set("updatedAt", m.UpdatedAt);
        row.Set("attempts", m.Attempts);
        row.Set("wamid", m.Wamid);
        row.Set("sentAt", m.SentAt);
        row.Set("attemptStartedAt", m.AttemptStartedAt);
        if (m.Error is { } e)
        {
            row.Set("errorType", e.Type);
            row.Set("errorCode", e.Code);
            row.Set("errorTitle", e.Title);
            row.Set("errorDetail", e.Detail);
            row.Set("errorRetryable", e.Retryable);
        }
        row.Set("pricingCategory", m.PricingCategory);
        row.Set("conversationId", m.ConversationId);
        if (m.Template is { } t)
        {
            row.Set("templateName", t.Name);
            row.Set("templateLanguage", t.Language);
            row.Set("templateCategory", t.Category);
            row.Set("campaignId", t.CampaignId);
        }
        if (m.Inbound is { } i)
        {
            row.Set("from", i.From);
            row.Set("contactName", i.ContactName);
            row.Set("summary", i.Summary);
            row.Set("text", i.Text);
            row.Set("mediaId", i.MediaId);
            row.Set("mimeType", i.MimeType);
            row.Set("caption", i.Caption);
            row.Set("fileName", i.FileName);
            row.Set("replyTo", i.ReplyTo);
            row.Set("ctwaClid", i.CtwaClid);
        }
        return row;
    }

    /// <summary>
    /// A string property holds 32 K characters: a longer value (a received order or Flow reply can be) is kept in parts
    /// <c>{name}</c>, <c>{name}1</c>, … with <c>{name}Parts</c>, never cut; a part never splits a surrogate pair.
    /// </summary>
    internal static void SetLong(TableRow row, string name, string value)
    {
        if (value.Length <= TableRowLimits.MaxStringLength)
        {
            row.Set(name, value);
            return;
        }
        var (offset, part) = (0, 0);
        while (offset < value.Length)
        {
            var length = Math.Min(TableRowLimits.MaxStringLength, value.Length - offset);
            if (offset + length < value.Length && char.IsHighSurrogate(value[offset + length - 1])) length--;
            row.Set(part == 0 ? name : name + part, value.Substring(offset, length));
            offset += length;
            part++;
        }
        row.Set(name + "Parts", part);
    }

    internal static string? GetLong(TableRow row, string name)
    {
        if (row.GetInt32(name + "Parts") is not { } parts) return row.GetString(name);
        return string.Concat(Enumerable.Range(0, parts).Select(p => row.GetString(p == 0 ? name : name + p)));
    }

    public static MessageRecord FromRow(TableRow row)
    {
        MessageStatusRules.TryParse(row.GetString("status"), out var status);
        var error = row.GetString("errorType") is { } type
            ? new MessageError(type, row.GetString("errorCode"), row.GetString("errorTitle") ?? string.Empty,
                row.GetString("errorDetail") ?? string.Empty, row.GetBoolean("errorRetryable") ?? false)
            : null;
        return new MessageRecord(
            Id: row.GetString("messageId") ?? string.Empty,
            Direction: Enum.TryParse<MessageDirection>(row.GetString("direction"), ignoreCase: true, out var d) ? d : MessageDirection.Outbound,
            PhoneNumberId: row.GetString("phoneNumberId") ?? string.Empty,
            To: row.GetString("to") ?? string.Empty,
            Type: row.GetString("type") ?? string.Empty,
            Status: status,
            CloudApiJson: GetLong(row, "cloudApiJson") ?? "{}",
            CreatedAt: row.GetDateTimeOffset("createdAt") ?? row.Timestamp ?? DateTimeOffset.MinValue,
            UpdatedAt: row.GetDateTimeOffset("updatedAt") ?? row.Timestamp ?? DateTimeOffset.MinValue,
            Attempts: row.GetInt32("attempts") ?? 0,
            Wamid: row.GetString("wamid"),
            SentAt: row.GetDateTimeOffset("sentAt"),
            Error: error,
            AttemptStartedAt: row.GetDateTimeOffset("attemptStartedAt"),
            Inbound: row.GetString("from") is { } from
                ? new InboundDetails(from, row.GetString("contactName"), row.GetString("summary"), row.GetString("text"), row.GetString("mediaId"),
                    row.GetString("mimeType"), row.GetString("caption"), row.GetString("fileName"), row.GetString("replyTo"), row.GetString("ctwaClid"))
                : null,
            PricingCategory: row.GetString("pricingCategory"),
            ConversationId: row.GetString("conversationId"),
            Template: row.GetString("templateName") is { } templateName
                ? new TemplateDetails(templateName, row.GetString("templateLanguage") ?? string.Empty, row.GetString("templateCategory"),
                    row.GetString("campaignId"))
                : null);
    }
}
