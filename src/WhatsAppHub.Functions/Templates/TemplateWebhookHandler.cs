using System.Text.Json;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Inbound;

namespace WhatsAppHub.Functions.Templates;

/// <summary>
/// Keeps TEMPLATE_DEFINITION rows in step with Meta's template webhooks (whatsapp-cloud-api.md §5.6): status updates
/// (approved, rejected with the reason, paused, disabled, …), quality updates, and category changes (impending and done).
/// The row is found by Meta's template id, else by name and language. Events arrive late and out of order, so each kind
/// keeps the time of the last event applied and an older one changes nothing; a repeated event finds nothing to change.
/// </summary>
public sealed class TemplateWebhookHandler(TemplateStore store, TimeProvider clock, ILogger<TemplateWebhookHandler> logger)
{
    public const string StatusKind = "message_template_status_update";
    public const string QualityKind = "message_template_quality_update";
    public const string CategoryKind = "template_category_update";

    /// <returns>True when a row changed.</returns>
    public async Task<bool> ApplyAsync(AccountEvent account, CancellationToken cancellationToken)
    {
        if (account.Kind is not (StatusKind or QualityKind or CategoryKind)) return false;
        using var document = JsonDocument.Parse(account.ValueJson);
        var value = document.RootElement;
        if (value.ValueKind != JsonValueKind.Object) return false;
        var id = Text(value, "message_template_id");
        var name = Text(value, "message_template_name");
        var language = Text(value, "message_template_language");
        if (await FindAsync(id, name, language, cancellationToken) is not { } found)
        {
            // Made outside the hub, or before its rows existed: the next sync imports it with its current status.
            logger.LogInformation("No stored template for {Kind} of template {TemplateId} ({Name}/{Language})", account.Kind, id, name, language);
            return false;
        }

        var at = account.OccurredAt ?? clock.GetUtcNow();
        var changed = false;
        await store.ChangeAsync(found.PartitionKey, found.RowKey, row =>
        {
            if (row is null) return null;
            changed = account.Kind switch
            {
                StatusKind => ApplyStatus(row, value, at),
                QualityKind => ApplyQuality(row, value, at),
                _ => ApplyCategory(row, value, at),
            };
            if (!changed) return null;
            row.Set("updatedAt", clock.GetUtcNow());
            return row;
        }, cancellationToken);
        if (changed)
            logger.LogInformation("Template {Name} ({Language}): {Kind} {Event}", found.GetString("name"), found.GetString("language"), account.Kind, account.Event);
        return changed;
    }

    private async Task<TableRow?> FindAsync(string? id, string? name, string? language, CancellationToken cancellationToken)
    {
        if (id is not null && await store.FindByMetaIdAsync(id, cancellationToken) is { } byId) return byId;
        if (name is null || language is null) return null;
        var byName = await store.FindByNameAsync(name, language, cancellationToken);
        // The same name in two accounts cannot be told apart without the id.
        return byName.Count == 1 && (id is null || byName[0].GetString("metaTemplateId") is null) ? byName[0] : null;
    }

    private static bool ApplyStatus(TableRow row, JsonElement value, DateTimeOffset at)
    {
        if (Text(value, "event")?.ToUpperInvariant() is not { Length: > 0 } status || IsOlder(row, "statusEventAt", at)) return false;
        row.Set("statusEventAt", at);
        var reason = Text(value, "reason") is { } r && r != "NONE" ? r
            : value.TryGetProperty("other_info", out var other) && other.ValueKind == JsonValueKind.Object ? Text(other, "title") : null;
        var changed = TemplateRows.SetStatus(row, status, reason, at, "webhook");
        if (value.TryGetProperty("rejection_info", out var rejection) && rejection.ValueKind == JsonValueKind.Object)
        {
            row.Set("rejectionReason", Text(rejection, "reason")).Set("rejectionRecommendation", Text(rejection, "recommendation"));
        }
        else if (changed)
        {
            row.Set("rejectionReason", null).Set("rejectionRecommendation", null);
        }
        if (value.TryGetProperty("disable_info", out var disable) && disable.ValueKind == JsonValueKind.Object && Text(disable, "disable_date") is { } date)
            row.Set("disableDate", date);
        if (Text(value, "message_template_category")?.ToUpperInvariant() is { Length: > 0 } category)
            changed |= TemplateRows.SetCategory(row, category, at, "webhook");
        return changed;
    }

    private static bool ApplyQuality(TableRow row, JsonElement value, DateTimeOffset at)
    {
        if (Text(value, "new_quality_score")?.ToUpperInvariant() is not { Length: > 0 } score || IsOlder(row, "qualityEventAt", at)) return false;
        row.Set("qualityEventAt", at);
        return TemplateRows.SetQuality(row, score, at, "webhook");
    }

    /// <summary>An impending change names <c>correct_category</c> (the category it will get); a completed one <c>new_category</c>.</summary>
    private static bool ApplyCategory(TableRow row, JsonElement value, DateTimeOffset at)
    {
        if (IsOlder(row, "categoryEventAt", at)) return false;
        row.Set("categoryEventAt", at);
        if (Text(value, "correct_category")?.ToUpperInvariant() is { Length: > 0 } correct)
        {
            if (row.GetString("correctCategory") == correct) return false;
            row.Set("correctCategory", correct).Set("categoryChangeAt", Text(value, "category_update_timestamp"));
            return true;
        }
        if (Text(value, "new_category")?.ToUpperInvariant() is not { Length: > 0 } category) return false;
        var changed = TemplateRows.SetCategory(row, category, at, "webhook");
        if (row.GetString("correctCategory") is not null)
        {
            row.Set("correctCategory", null).Set("categoryChangeAt", null);
            changed = true;
        }
        return changed;
    }

    /// <summary>Older than the last event of this kind applied (Meta's times are whole seconds, so equal is not older).</summary>
    private static bool IsOlder(TableRow row, string property, DateTimeOffset at) =>
        row.GetDateTimeOffset(property) is { } last && at < last;

    /// <summary>A string, or a number as text (Meta sends template ids as numbers).</summary>
    private static string? Text(JsonElement value, string name) =>
        !value.TryGetProperty(name, out var p) ? null
        : p.ValueKind == JsonValueKind.String ? p.GetString()
        : p.ValueKind == JsonValueKind.Number ? p.GetRawText()
        : null;
}
