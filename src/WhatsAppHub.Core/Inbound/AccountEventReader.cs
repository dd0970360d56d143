using System.Text.Json;

namespace WhatsAppHub.Core.Inbound;

/// <summary>
/// Reads a change whose field is not <c>messages</c> into an <see cref="AccountEvent"/>: the value stays raw, and the
/// field's decisive word and subject are lifted out so listings can filter on them.
/// </summary>
internal static class AccountEventReader
{
    /// <summary>How one field names its event and subject. <see cref="Items"/>: the array whose first item carries them
    /// (calls, groups and preferences arrive as lists); the value itself when absent or empty.</summary>
    private sealed record Shape(Func<JsonElement, string?> Event, Func<JsonElement, string?> Subject, params string[] Items);

    private static readonly Shape Template = new(v => null, TemplateSubject);
    private static readonly Shape Group = new(v => Json.Str(v, "type") ?? Json.Str(v, "event"), v => Json.Str(v, "group_id"), "groups");

    /// <summary>The fields of whatsapp-cloud-api.md §5.2 whose value the hub reads; the other known fields keep the
    /// generic reading (<see cref="Generic"/>).</summary>
    private static readonly Dictionary<string, Shape> Shapes = new(StringComparer.Ordinal)
    {
        ["account_update"] = new(v => Json.Str(v, "event"), v => Json.Prop(v, "waba_info") is { } waba ? Json.Text(waba, "waba_id") : null),
        ["account_review_update"] = new(v => Json.Str(v, "decision"), v => null),
        ["account_alerts"] = new(v => Json.Prop(v, "alert_info") is { } alert ? Json.Str(alert, "alert_type") : null, v => Json.Text(v, "entity_id")),
        ["phone_number_name_update"] = new(v => Json.Str(v, "decision"), v => Json.Text(v, "display_phone_number")),
        ["phone_number_quality_update"] = new(v => Json.Str(v, "event") ?? Json.Text(v, "max_daily_conversations_per_business"),
            v => Json.Text(v, "display_phone_number")),
        // Meta's own example writes the tier as an integer, the reference as TIER_*: both read as text.
        ["business_capability_update"] = new(v => Json.Text(v, "max_daily_conversations_per_business") ?? Json.Text(v, "max_daily_conversation_per_phone"),
            v => null),
        ["message_template_status_update"] = Template with { Event = v => Json.Str(v, "event") },
        ["message_template_quality_update"] = Template with { Event = v => Json.Str(v, "new_quality_score") },
        // An impending change names the category the template will move to in correct_category; a completed one in new_category.
        ["template_category_update"] = Template with { Event = v => Json.Str(v, "correct_category") ?? Json.Str(v, "new_category") },
        ["message_template_components_update"] = Template,
        ["user_preferences"] = new(v => Json.Str(v, "value"), v => Json.Text(v, "wa_id"), "user_preferences"),
        ["security"] = new(v => Json.Str(v, "event"), v => Json.Text(v, "display_phone_number")),
        // A connect or terminate comes in calls[] (event, then FAILED/COMPLETED in status); a business call's progress in statuses[].
        ["calls"] = new(v => Json.Str(v, "event") ?? Json.Str(v, "status"), v => Json.Str(v, "id"), "calls", "statuses"),
        ["group_lifecycle_update"] = Group,
        ["group_participants_update"] = Group,
        ["group_settings_update"] = Group,
        ["group_status_update"] = Group,
    };

    /// <summary>For fields nobody knows yet: the words most fields use.</summary>
    private static readonly Shape Generic = new(
        v => Json.Str(v, "event") ?? Json.Str(v, "decision") ?? Json.Str(v, "new_quality_score") ?? Json.Str(v, "new_category"),
        v => Json.Text(v, "message_template_id") ?? Json.Text(v, "display_phone_number"));

    /// <summary>The fields of whatsapp-cloud-api.md §5.2 the hub recognises.</summary>
    public static readonly IReadOnlySet<string> KnownFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "account_alerts", "account_review_update", "account_update", "automatic_events", "business_capability_update",
        "calls", "history", "smb_app_state_sync", "smb_message_echoes", "message_template_components_update",
        "message_template_quality_update", "message_template_status_update", "partner_solutions",
        "payment_configuration_update", "phone_number_name_update", "phone_number_quality_update", "security",
        "template_category_update", "user_preferences", "group_lifecycle_update", "group_participants_update",
        "group_settings_update", "group_status_update",
    };

    public static AccountEvent Read(string field, JsonElement value, DateTimeOffset? entryTime, ChangeMetadata metadata)
    {
        // Meta's own sample sends a quality update under message_template_status_update: route on the shape too.
        var kind = field == "message_template_status_update" && Json.Prop(value, "new_quality_score") is not null
            ? "message_template_quality_update" : field;
        var shape = Shapes.GetValueOrDefault(kind, Generic);
        var item = FirstItem(value, shape.Items);
        return new AccountEvent(field, kind, KnownFields.Contains(kind), shape.Event(item), shape.Subject(item),
            entryTime ?? Json.UnixTime(item, "timestamp"), metadata, value.GetRawText());
    }

    /// <summary>The first object of the first listed array that has one, else the value (older flat payloads).</summary>
    private static JsonElement FirstItem(JsonElement value, string[] arrays)
    {
        foreach (var name in arrays)
            foreach (var item in Json.Items(value, name))
                if (item.ValueKind == JsonValueKind.Object) return item;
        return value;
    }

    /// <summary>The template's id, else its name and language (template events name a template either way).</summary>
    private static string? TemplateSubject(JsonElement value) =>
        Json.Text(value, "message_template_id")
        ?? (Json.Str(value, "message_template_name") is { } name ? $"{name}/{Json.Str(value, "message_template_language")}" : null);
}
