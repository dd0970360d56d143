using System.Text.Json.Nodes;

namespace WhatsAppHub.Sandbox.Eum.World;

/// <summary>
/// A message template as Meta keeps it. EUM itself stores no template content; the sandbox keeps the
/// definition so that Get returns what Create was given, the way Meta would.
/// </summary>
public sealed class MessageTemplate
{
    public required string MetaTemplateId { get; init; }
    public required string WabaId { get; init; }
    public required string Name { get; init; }
    public required string Language { get; init; }
    public required string Category { get; set; }
    public string Status { get; set; } = "APPROVED";
    public string QualityScore { get; set; } = "UNKNOWN";
    public string? ParameterFormat { get; set; }
    public JsonArray Components { get; set; } = [];
    public JsonObject Extra { get; init; } = [];             // other definition fields Meta echoes back
    public bool CtaUrlLinkTrackingOptedOut { get; set; }

    public JsonObject ToSummaryJson() => new()
    {
        ["templateName"] = Name,
        ["metaTemplateId"] = MetaTemplateId,
        ["templateStatus"] = Status,
        ["templateQualityScore"] = QualityScore,
        ["templateLanguage"] = Language,
        ["templateCategory"] = Category,
    };

    /// <summary>Meta's template object, as GetWhatsAppMessageTemplate returns it (plain JSON text, not Base64).</summary>
    public JsonObject ToMetaJson()
    {
        var json = new JsonObject
        {
            ["name"] = Name,
            ["parameter_format"] = (ParameterFormat ?? "positional").ToUpperInvariant(),
            ["components"] = Components.DeepClone(),
            ["language"] = Language,
            ["status"] = Status,
            ["category"] = Category,
            ["id"] = MetaTemplateId,
        };
        foreach (var (key, value) in Extra)
        {
            json[key] = value?.DeepClone();
        }
        if (CtaUrlLinkTrackingOptedOut)
        {
            json["cta_url_link_tracking_opted_out"] = true;
        }
        return json;
    }
}
