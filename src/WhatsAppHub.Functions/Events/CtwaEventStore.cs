using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Events;

/// <summary>
/// CTWA_EVENT rows: a contact who wrote from a Click-to-WhatsApp ad (a message with a <c>referral</c>). Each referral is
/// written three times, insert-if-absent, keyed for the three questions asked of it: an ad's referrals newest first
/// (<c>CTWA|{waba}|{source_id}</c>), a contact's first referral (<c>CTWA_CONTACT|{phoneNumberId}|{waId}</c>, oldest
/// first), and the click behind a <c>ctwa_clid</c> (<c>CTWA_CLID|{ctwa_clid}</c>, absent for Status ads).
/// </summary>
public sealed class CtwaEventStore(TableService tables)
{
    public const string AdPrefix = "CTWA";
    public const string ContactPrefix = "CTWA_CONTACT";
    public const string ClickPrefix = "CTWA_CLID";

    private readonly ITableStore _table = tables.GetTable(HubTables.Events);

    public static string AdPartition(string? waba, string? sourceId) =>
        StorageKey.Compose(AdPrefix, EventKeys.Fit(waba ?? EventKeys.NoWaba), EventKeys.Fit(sourceId ?? EventKeys.NoWaba));

    public static string ContactPartition(string? phoneNumberId, string waId) =>
        StorageKey.Compose(ContactPrefix, EventKeys.Fit(phoneNumberId ?? EventKeys.NoWaba), EventKeys.Fit(waId));

    public static string ClickPartition(string ctwaClid) => StorageKey.Compose(ClickPrefix, EventKeys.Fit(ctwaClid));

    /// <summary>Oldest first, so a contact's first referral is the partition's first row.</summary>
    public static string AscendingRowKey(DateTimeOffset occurredAt, string eventId) =>
        occurredAt.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + StorageKey.Separator + StorageKey.Escape(EventKeys.Fit(eventId));

    /// <summary>Records the referral of <paramref name="message"/>, whose normalized event is <paramref name="received"/>.</summary>
    public async Task RecordAsync(InboundMessage message, Referral referral, HubEvent received, string snsMessageId, CancellationToken cancellationToken)
    {
        var rows = new List<TableRow>
        {
            ToRow(AdPartition(received.WabaId, referral.SourceId), EventKeys.WebhookEventRowKey(received.OccurredAt, received.Id), message, referral, received, snsMessageId),
            ToRow(ContactPartition(received.PhoneNumberId, message.WaId), AscendingRowKey(received.OccurredAt, received.Id), message, referral, received, snsMessageId),
        };
        // The first message carrying a click id is the click's; a later one (a retry of another wamid) leaves it.
        if (referral.CtwaClid is { Length: > 0 } clid)
            rows.Add(ToRow(ClickPartition(clid), StorageKey.Escape(EventKeys.Fit(clid)), message, referral, received, snsMessageId));
        foreach (var row in rows) await _table.InsertIfAbsentAsync(row, cancellationToken);
    }

    private static TableRow ToRow(string partitionKey, string rowKey, InboundMessage message, Referral r, HubEvent received, string snsMessageId)
    {
        var row = new TableRow(partitionKey, rowKey);
        var trimmed = new List<string>();
        void Text(string name, string? value)
        {
            if (value is { Length: > TableRowLimits.MaxStringLength / 4 })
            {
                value = value[..(TableRowLimits.MaxStringLength / 4)];
                trimmed.Add(name);
            }
            row.Set(name, value);
        }

        row.Set(ItemType.PropertyName, ItemType.CtwaEvent);
        Text("eventId", received.Id);
        row.Set("occurredAt", received.OccurredAt);
        Text("wabaId", received.WabaId);
        Text("phoneNumberId", received.PhoneNumberId);
        Text("waId", message.WaId);
        Text("contactName", message.ContactName);
        Text("sourceId", r.SourceId);
        Text("sourceType", r.SourceType);
        Text("sourceUrl", r.SourceUrl);
        Text("headline", r.Headline);
        Text("body", r.Body);
        Text("mediaType", r.MediaType);
        Text("imageUrl", r.ImageUrl);
        Text("videoUrl", r.VideoUrl);
        Text("thumbnailUrl", r.ThumbnailUrl);
        Text("ctwaClid", r.CtwaClid);
        Text("welcomeMessageText", r.WelcomeMessageText);
        Text("ref", r.Ref);
        Text("wamid", message.Wamid);
        Text("messageType", message.Type);
        Text("text", message.Content is TextContent t ? t.Body : message.Content.Summary);
        Text("snsMessageId", snsMessageId);
        // Trimmed values stay whole in the message's WEBHOOK_EVENT row (its referral and content).
        if (trimmed.Count > 0) row.Set("trimmed", string.Join(',', trimmed));
        return row;
    }
}
