namespace WhatsAppHub.Core.Templates;

/// <summary>
/// What the component rules need to know about the whole definition: its category (null when missing or invalid, so
/// category rules stay silent rather than pile on) and whether variables are named (§3.4).
/// </summary>
public sealed record DefinitionContext(string? Category, bool Named)
{
    public bool IsAuthentication => Category == TemplateDefinitionRules.Authentication;
    public bool IsMarketing => Category == TemplateDefinitionRules.Marketing;
}
