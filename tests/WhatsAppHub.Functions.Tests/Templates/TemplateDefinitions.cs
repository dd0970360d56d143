using WhatsAppHub.Testing.Templates;

namespace WhatsAppHub.Functions.Tests.Templates;

/// <summary>Valid definitions of each category and a few kinds (<see cref="TemplateExamples"/>), under a fresh name.</summary>
internal static class TemplateDefinitions
{
    public static string UniqueName(string stem) => $"{stem}_{Guid.NewGuid().ToString("N")[..10]}";

    public static string Utility(string name, string language = "en_GB") => TemplateExamples.Named(TemplateExamples.OrderShipped, name, language);

    public static string Marketing(string name, string language = "en") => TemplateExamples.Named(TemplateExamples.SpringSale, name, language);

    public static string Authentication(string name, string language = "en_US") => TemplateExamples.Named(TemplateExamples.LoginCode, name, language);

    public static string Carousel(string name) => TemplateExamples.Named(TemplateExamples.MediaCarousel, name);

    /// <summary>Of the category: what an edit puts in place of the components (a new body text).</summary>
    public static string EditedComponents(string category) => category switch
    {
        "AUTHENTICATION" => """
            [ { "type": "BODY", "add_security_recommendation": false },
              { "type": "FOOTER", "code_expiration_minutes": 10 },
              { "type": "BUTTONS", "buttons": [ { "type": "OTP", "otp_type": "COPY_CODE", "text": "Copy code" } ] } ]
            """,
        "MARKETING" => """
            [ { "type": "BODY", "text": "Hello {{1}}, the sale is extended to {{2}}!", "example": { "body_text": [ [ "Priya", "Monday" ] ] } } ]
            """,
        _ => """
            [ { "type": "BODY", "text": "Hi {{first_name}}, your order has shipped.",
                "example": { "body_text_named_params": [ { "param_name": "first_name", "example": "Priya" } ] } } ]
            """,
    };
}
