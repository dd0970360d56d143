using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Events;

namespace WhatsAppHub.Functions.Analytics.Ctwa;

/// <summary>
/// Keys of the Click-to-WhatsApp funnel (docs/data-model.md): CTWA_EVENT rows of kind <c>click</c> in the <c>Events</c>
/// table, beside the referral rows of <see cref="CtwaEventStore"/>, and a contact's once-only markers in the
/// <c>Analytics</c> table, one partition per contact.
/// </summary>
public static class CtwaKeys
{
    public const string ClickPrefix = "CTWA_CLICK";
    public const string ClickIdPrefix = "CTWA_CLICKED";
    public const string MarkerPrefix = "CTWA_MARK";

    /// <summary>Ad ids (and post ids) are short digit strings; the bound keeps any accepted id whole in a key (see <see cref="EventKeys.Fit"/>).</summary>
    public const int MaxSourceIdLength = 160;

    /// <summary>Meta's click ids run to about a hundred characters; longer ones are keyed by their hash.</summary>
    public const int MaxCtwaClidLength = 512;

    public const string Replied = "replied";
    public const string Converted = "converted";

    /// <summary>An ad's reported clicks, newest first: <c>CTWA_CLICK|{EUM waba}|{source_id}</c>.</summary>
    public static string ClickPartition(string wabaId, string sourceId) =>
        StorageKey.Compose(ClickPrefix, wabaId, EventKeys.Fit(sourceId));

    public static string ClickRowKey(DateTimeOffset occurredAt, string clickId) => EventKeys.WebhookEventRowKey(occurredAt, clickId);

    /// <summary>A reported click by its <c>ctwa_clid</c>: the key that makes a report idempotent.</summary>
    public static string ClickIdPartition(string ctwaClid) => StorageKey.Compose(ClickIdPrefix, EventKeys.Fit(ctwaClid));

    public static string ClickIdRowKey(string ctwaClid) => StorageKey.Escape(EventKeys.Fit(ctwaClid));

    /// <summary>A contact's markers: <c>CTWA_MARK|{phoneNumberId}|{waId}</c>.</summary>
    public static string MarkerPartition(string phoneNumberId, string waId) =>
        StorageKey.Compose(MarkerPrefix, EventKeys.Fit(phoneNumberId), EventKeys.Fit(waId));

    /// <summary>The contact's first message from one ad: <c>conversation|{waba}|{source_id}</c>.</summary>
    public static string ConversationRowKey(string wabaId, string sourceId) =>
        StorageKey.Compose("conversation", wabaId, EventKeys.Fit(sourceId));
}
