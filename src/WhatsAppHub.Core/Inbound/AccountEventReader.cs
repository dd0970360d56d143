using System.Text.Json;

namespace WhatsAppHub.Core.Inbound;

/// <summary>
/// Reads a change whose field is not <c>messages</c> into an <see cref="AccountEvent"/>: the value stays raw, and the
/// field's decisive word and subject are lifted out so listings can filter on them.
/// </summary>
internal static class AccountEventReader
{
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
        var decisive = Json.Str(value, "event") ?? Json.Str(value, "decision") ?? Json.Str(value, "new_quality_score")
            ?? Json.Str(value, "new_category") ?? Json.Text(value, "max_daily_conversations_per_business");
        var subject = Json.Text(value, "message_template_id") ?? Json.Str(value, "display_phone_number");
        return new AccountEvent(field, kind, KnownFields.Contains(kind), decisive, subject, entryTime, metadata, value.GetRawText());
    }
}
