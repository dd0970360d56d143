namespace WhatsAppHub.Aws.Eum;

// Meta's template library: what CreateWhatsAppMessageTemplateFromLibrary takes (MetaLibraryTemplate and its
// inputs) and what ListWhatsAppTemplateLibrary returns (MetaLibraryTemplateDefinition and its buttons).

/// <summary>A library template to copy into the WABA under <see cref="TemplateName"/>.</summary>
public sealed class MetaLibraryTemplate
{
    public required string TemplateName { get; set; }

    public required string LibraryTemplateName { get; set; }

    public required string TemplateCategory { get; set; }

    public required string TemplateLanguage { get; set; }

    public List<LibraryTemplateButtonInput>? LibraryTemplateButtonInputs { get; set; }

    public LibraryTemplateBodyInputs? LibraryTemplateBodyInputs { get; set; }
}

public sealed class LibraryTemplateBodyInputs
{
    public bool? AddContactNumber { get; set; }

    public bool? AddLearnMoreLink { get; set; }

    public bool? AddSecurityRecommendation { get; set; }

    public bool? AddTrackPackageLink { get; set; }

    public int? CodeExpirationMinutes { get; set; }
}

/// <summary>A button to fill in when copying a library template. <see cref="Url"/> maps URL suffix names to examples.</summary>
public sealed class LibraryTemplateButtonInput
{
    public string? Type { get; set; }

    public string? PhoneNumber { get; set; }

    public Dictionary<string, string>? Url { get; set; }

    public string? OtpType { get; set; }

    public bool? ZeroTapTermsAccepted { get; set; }

    public List<Dictionary<string, string>>? SupportedApps { get; set; }
}

/// <summary>A button of a library template as listed (here <see cref="Url"/> is a plain string).</summary>
public sealed class LibraryTemplateButtonList
{
    public string? Type { get; set; }

    public string? Text { get; set; }

    public string? PhoneNumber { get; set; }

    public string? Url { get; set; }

    public string? OtpType { get; set; }

    public bool? ZeroTapTermsAccepted { get; set; }

    public List<Dictionary<string, string>>? SupportedApps { get; set; }
}

public sealed class MetaLibraryTemplateDefinition
{
    public string? TemplateName { get; set; }

    public string? TemplateLanguage { get; set; }

    public string? TemplateCategory { get; set; }

    public string? TemplateTopic { get; set; }

    public string? TemplateUseCase { get; set; }

    public List<string>? TemplateIndustry { get; set; }

    public string? TemplateHeader { get; set; }

    public string? TemplateBody { get; set; }

    public List<LibraryTemplateButtonList>? TemplateButtons { get; set; }

    public string? TemplateId { get; set; }

    public List<string>? TemplateBodyExampleParams { get; set; }
}
