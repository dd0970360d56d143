using System.Text.Json;
using WhatsAppHub.Core.Inbound;

namespace WhatsAppHub.Core.Suppressions;

/// <summary>
/// Reads a <c>user_preferences</c> change (whatsapp-cloud-api.md §5.2; payload unconfirmed, read as the sandbox and
/// Meta's pages show it): <c>user_preferences[]</c> items of <c>{wa_id, value: stop|resume, category, detail,
/// timestamp}</c>. Every item is read, not only the first the event history lifts, because one webhook may carry
/// several contacts. Items without a contact or a known value are skipped (the event history keeps them raw).
/// </summary>
public static class UserPreferences
{
    public const string Stop = "stop";
    public const string Resume = "resume";

    /// <summary>The category Meta names for marketing messages; an item without a category is read as marketing.</summary>
    public const string MarketingMessages = "marketing_messages";

    /// <param name="fallbackTime">When an item has no timestamp of its own: the entry's time, else when the hub received it.</param>
    public static IReadOnlyList<UserPreference> Read(string valueJson, DateTimeOffset fallbackTime)
    {
        try
        {
            using var document = JsonDocument.Parse(valueJson);
            var value = document.RootElement;
            if (value.ValueKind != JsonValueKind.Object) return [];
            var items = Json.Items(value, "user_preferences").Where(i => i.ValueKind == JsonValueKind.Object).ToList();
            if (items.Count == 0) items.Add(value); // an older flat payload carries the item's keys on the value itself
            var preferences = new List<UserPreference>();
            foreach (var item in items)
            {
                var waId = Json.Text(item, "wa_id");
                var word = Json.Str(item, "value")?.Trim().ToLowerInvariant();
                if (waId is null || word is not (Stop or Resume)) continue;
                preferences.Add(new UserPreference(waId, word, Json.Str(item, "category") ?? MarketingMessages,
                    Json.UnixTime(item, "timestamp") ?? fallbackTime, Json.Str(item, "detail")));
            }
            return preferences;
        }
        catch (JsonException)
        {
            return []; // the value was stored raw by the event history; nothing to apply
        }
    }
}

/// <summary>One contact's <c>stop</c> or <c>resume</c>, with the time it happened (what orders them).</summary>
public sealed record UserPreference(string WaId, string Value, string Category, DateTimeOffset At, string? Detail)
{
    public bool IsMarketing => string.Equals(Category, UserPreferences.MarketingMessages, StringComparison.OrdinalIgnoreCase);
}
