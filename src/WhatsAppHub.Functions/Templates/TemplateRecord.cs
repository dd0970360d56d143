using System.Text.Json;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Templates;

/// <summary>One change of a template's status, quality or category, as the history on the row keeps it.</summary>
/// <param name="Source">Who told: <c>api</c> (the hub's own call), <c>sync</c>, or <c>webhook</c>.</param>
public sealed record TemplateChange(string What, string Value, string? Reason, DateTimeOffset At, string Source);

/// <summary>A TEMPLATE_DEFINITION row read back: what EUM and Meta last said about one template in one language.</summary>
public sealed record TemplateRecord(
    string WabaId,
    string Name,
    string Language,
    string? MetaTemplateId,
    string? Category,
    string? Status,
    string? StatusReason,
    string? RejectionReason,
    string? RejectionRecommendation,
    string? QualityScore,
    string? PreviousCategory,
    string? CorrectCategory,
    string? ParameterFormat,
    string? LibraryTemplateName,
    string? DefinitionJson,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? LastSyncedAt,
    DateTimeOffset? StatusAt,
    IReadOnlyList<TemplateChange> History,
    TemplatePacingRecord? Pacing = null)
{
    public static TemplateRecord From(TableRow r) => new(
        r.GetString("wabaId") ?? string.Empty,
        r.GetString("name") ?? string.Empty,
        r.GetString("language") ?? string.Empty,
        r.GetString("metaTemplateId"),
        r.GetString("category"),
        r.GetString("status"),
        r.GetString("statusReason"),
        r.GetString("rejectionReason"),
        r.GetString("rejectionRecommendation"),
        r.GetString("qualityScore"),
        r.GetString("previousCategory"),
        r.GetString("correctCategory"),
        r.GetString("parameterFormat"),
        r.GetString("libraryTemplateName"),
        (r.GetInt32("definitionParts") ?? 0) > 0 ? TextParts.Get(r, "definition").Text : null,
        r.GetDateTimeOffset("createdAt"),
        r.GetDateTimeOffset("updatedAt"),
        r.GetDateTimeOffset("lastSyncedAt"),
        r.GetDateTimeOffset("statusAt"),
        TemplateRows.History(r),
        r.GetInt64("pacingDroppedMessages") is { } dropped ? new TemplatePacingRecord(dropped, r.GetDateTimeOffset("pacingLastDroppedAt")) : null);
}

/// <summary>Messages of the template Meta's pacing dropped (failed with 132015), and when the last one was.</summary>
public sealed record TemplatePacingRecord(long DroppedMessages, DateTimeOffset? LastDroppedAt);
