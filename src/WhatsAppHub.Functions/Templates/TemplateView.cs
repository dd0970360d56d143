using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Templates;

namespace WhatsAppHub.Functions.Templates;

/// <summary>A template as the API shows it. Listings leave out the definition and the history.</summary>
/// <param name="Sendable">Whether the status lets the template be sent now (approved, flagged or reinstated).</param>
/// <param name="Pacing">Messages Meta's template pacing dropped (absent when none was).</param>
public sealed record TemplateView(
    string Name,
    string Language,
    string WabaId,
    string? MetaTemplateId,
    string? Category,
    string? Status,
    bool Sendable,
    string? StatusReason,
    string? RejectionReason,
    string? RejectionRecommendation,
    string? QualityScore,
    string? PreviousCategory,
    string? CorrectCategory,
    string? ParameterFormat,
    string? LibraryTemplateName,
    JsonNode? Definition,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? LastSyncedAt,
    DateTimeOffset? StatusAt,
    IReadOnlyList<TemplateChange>? History,
    TemplatePacingRecord? Pacing = null)
{
    public static TemplateView From(TemplateRecord r, bool full) => new(
        r.Name, r.Language, r.WabaId, r.MetaTemplateId, r.Category, r.Status, TemplateStatus.IsSendable(r.Status), r.StatusReason,
        r.RejectionReason, r.RejectionRecommendation, r.QualityScore, r.PreviousCategory, r.CorrectCategory, r.ParameterFormat,
        r.LibraryTemplateName, full ? Parse(r.DefinitionJson) : null, r.CreatedAt, r.UpdatedAt, r.LastSyncedAt, r.StatusAt,
        full ? r.History : null, r.Pacing);

    public static TemplateView From(Azure.Tables.TableRow row, bool full) => From(TemplateRecord.From(row), full);

    private static JsonNode? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json); // kept as text rather than hidden
        }
    }
}

public sealed record TemplateListView(IReadOnlyList<TemplateView> Templates, string? Continuation);

public sealed record TemplateLanguagesView(string Name, IReadOnlyList<TemplateView> Templates);
