namespace WhatsAppHub.Aws.Eum;

/// <summary>One template in ListWhatsAppMessageTemplates.</summary>
public sealed class TemplateSummary
{
    public string? TemplateName { get; set; }

    public string? MetaTemplateId { get; set; }

    public string? TemplateStatus { get; set; }

    public string? TemplateQualityScore { get; set; }

    public string? TemplateLanguage { get; set; }

    public string? TemplateCategory { get; set; }
}
