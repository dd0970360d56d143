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
        row.Set("waId", RecipientRules.ToWaId(m.To)); // digits only: what listings filter on, however 'to' was written
        row.Set("type", m.Type);
        row.Set("status", m.Status.ToWire());
        row.Set("cloudApiJson", m.CloudApiJson);
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
        return row;
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
            CloudApiJson: row.GetString("cloudApiJson") ?? "{}",
            CreatedAt: row.GetDateTimeOffset("createdAt") ?? row.Timestamp ?? DateTimeOffset.MinValue,
            UpdatedAt: row.GetDateTimeOffset("updatedAt") ?? row.Timestamp ?? DateTimeOffset.MinValue,
            Attempts: row.GetInt32("attempts") ?? 0,
            Wamid: row.GetString("wamid"),
            SentAt: row.GetDateTimeOffset("sentAt"),
            Error: error,
            AttemptStartedAt: row.GetDateTimeOffset("attemptStartedAt"));
    }
}
