using System.Text.Json;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Templates;

/// <summary>
/// Writes the facts of a TEMPLATE_DEFINITION row. Status, quality and category changes are appended to a short
/// <c>history</c> (the newest <see cref="MaxHistory"/>), so "why is this template paused" is answered from the row.
/// </summary>
public static class TemplateRows
{
    public const int MaxHistory = 20;

    /// <summary>EUM takes definitions of at most 6,000 bytes; Meta's answer can be a little longer, two parts hold any.</summary>
    public const int MaxDefinitionParts = 2;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TableRow New(string wabaId, string name, string language, DateTimeOffset now)
    {
        var row = new TableRow(TemplateKeys.Partition(wabaId), TemplateKeys.Row(name, language));
        row.Set(ItemType.PropertyName, ItemType.TemplateDefinition);
        row.Set("wabaId", wabaId);
        row.Set("name", name);
        row.Set("language", language);
        row.Set("createdAt", now);
        row.Set("updatedAt", now);
        return row;
    }

    /// <summary>Keeps the definition JSON and lifts out the parameter format (Meta writes it in either case).</summary>
    public static void SetDefinition(TableRow row, string json)
    {
        foreach (var name in row.Names.Where(n => n.StartsWith("definition", StringComparison.Ordinal)).ToList()) row.Remove(name);
        TextParts.Set(row, "definition", json, MaxDefinitionParts);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("parameter_format", out var format) && format.ValueKind == JsonValueKind.String)
                row.Set("parameterFormat", format.GetString()!.ToUpperInvariant());
        }
        catch (JsonException)
        {
            // Kept as received; only the parameter format is not known.
        }
    }

    /// <summary>Sets the status; false when it and its reason are already what the row says.</summary>
    public static bool SetStatus(TableRow row, string status, string? reason, DateTimeOffset at, string source)
    {
        if (row.GetString("status") == status && row.GetString("statusReason") == reason) return false;
        row.Set("status", status).Set("statusReason", reason).Set("statusAt", at);
        Append(row, new TemplateChange("status", status, reason, at, source));
        return true;
    }

    public static bool SetQuality(TableRow row, string score, DateTimeOffset at, string source)
    {
        if (row.GetString("qualityScore") == score) return false;
        row.Set("qualityScore", score).Set("qualityAt", at);
        Append(row, new TemplateChange("quality", score, null, at, source));
        return true;
    }

    public static bool SetCategory(TableRow row, string category, DateTimeOffset at, string source)
    {
        var previous = row.GetString("category");
        if (previous == category) return false;
        row.Set("category", category).Set("categoryAt", at);
        if (previous is not null) row.Set("previousCategory", previous);
        Append(row, new TemplateChange("category", category, previous is null ? null : $"was {previous}", at, source));
        return true;
    }

    public static IReadOnlyList<TemplateChange> History(TableRow row)
    {
        if (row.GetString("history") is not { Length: > 0 } text) return [];
        try
        {
            return JsonSerializer.Deserialize<List<TemplateChange>>(text, Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static void Append(TableRow row, TemplateChange change)
    {
        var history = History(row).Append(change).TakeLast(MaxHistory).ToList();
        row.Set("history", JsonSerializer.Serialize(history, Json));
    }
}
