using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Templates;

/// <summary>
/// <c>BODY</c> and <c>FOOTER</c> components (§3.5, §3.7). A custom body holds the text and its variables; an
/// authentication body has Meta's fixed text and only <c>add_security_recommendation</c>; an authentication footer
/// only <c>code_expiration_minutes</c>.
/// </summary>
public static class TemplateBodyRules
{
    public const int MaxBodyLength = 1024;
    /// <summary>§3.8: a limited-time-offer template's body.</summary>
    public const int MaxLimitedTimeOfferBodyLength = 600;
    /// <summary>§3.8: the optional body of a carousel card.</summary>
    public const int MaxCardBodyLength = 160;
    public const int MaxFooterLength = 60;
    /// <summary>§3.7: the expiry line of an authentication footer.</summary>
    public const int MinCodeExpirationMinutes = 1;
    public const int MaxCodeExpirationMinutes = 90;
    /// <summary>Hub bound: Meta states no variable limit for bodies; it rejects too many for the length (2388293) by its own measure.</summary>
    public const int MaxBodyVariables = 100;

    private static readonly HashSet<string> BodyMembers = ["type", "text", "example"];
    private static readonly HashSet<string> AuthenticationBodyMembers = ["type", "add_security_recommendation"];
    private static readonly HashSet<string> FooterMembers = ["type", "text"];
    private static readonly HashSet<string> AuthenticationFooterMembers = ["type", "code_expiration_minutes"];

    public static void Body(JsonObject body, string path, ValidationErrors errors, DefinitionContext context, int maxLength)
    {
        if (context.IsAuthentication)
        {
            // §3.7: Meta writes the body ("<code> is your verification code."); custom text is refused at review.
            JsonRules.OnlyKnownMembers(body, path, errors, AuthenticationBodyMembers);
            JsonRules.Boolean(body, "add_security_recommendation", path, errors);
            return;
        }
        JsonRules.OnlyKnownMembers(body, path, errors, BodyMembers);
        var text = JsonRules.String(body, "text", path, errors, required: true, minLength: 1, maxLength: maxLength);
        if (text is not null)
            TemplateVariables.Check(text, JsonPath.Member(path, "text"), body, path, TemplateVariables.Body, context, errors,
                MaxBodyVariables, edgesAllowed: false);
    }

    public static void Footer(JsonObject footer, string path, ValidationErrors errors, DefinitionContext context)
    {
        if (context.IsAuthentication)
        {
            JsonRules.OnlyKnownMembers(footer, path, errors, AuthenticationFooterMembers);
            JsonRules.Integer(footer, "code_expiration_minutes", path, errors, required: false,
                min: MinCodeExpirationMinutes, max: MaxCodeExpirationMinutes);
            return;
        }
        // §3.5: text only; variables in footers are not stated either way, so they are left to Meta's review.
        JsonRules.OnlyKnownMembers(footer, path, errors, FooterMembers);
        JsonRules.String(footer, "text", path, errors, required: true, minLength: 1, maxLength: MaxFooterLength);
    }
}
