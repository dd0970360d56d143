namespace WhatsAppHub.Functions.Tests.Templates;

/// <summary>Valid definitions of each category and a few kinds (whatsapp-cloud-api.md §3.1, §3.5-§3.8), under a fresh name.</summary>
internal static class TemplateDefinitions
{
    public static string UniqueName(string stem) => $"{stem}_{Guid.NewGuid().ToString("N")[..10]}";

    public static string Utility(string name, string language = "en_GB") => $$$"""
        { "name": "{{{name}}}", "language": "{{{language}}}", "category": "UTILITY", "parameter_format": "named",
          "components": [
            { "type": "HEADER", "format": "TEXT", "text": "Order {{order_id}} shipped",
              "example": { "header_text_named_params": [ { "param_name": "order_id", "example": "AB123" } ] } },
            { "type": "BODY", "text": "Hi {{first_name}}, your order is on its way and should arrive {{eta}}.",
              "example": { "body_text_named_params": [
                { "param_name": "first_name", "example": "Priya" }, { "param_name": "eta", "example": "Tuesday" } ] } },
            { "type": "FOOTER", "text": "Example Ltd" },
            { "type": "BUTTONS", "buttons": [
              { "type": "URL", "text": "Track", "url": "https://track.example.com/{{1}}", "example": [ "https://track.example.com/AB123" ] },
              { "type": "QUICK_REPLY", "text": "Stop updates" } ] } ] }
        """;

    public static string Marketing(string name, string language = "en") => $$$"""
        { "name": "{{{name}}}", "language": "{{{language}}}", "category": "MARKETING",
          "components": [
            { "type": "HEADER", "format": "IMAGE", "example": { "header_handle": [ "4::aW1hZ2UvanBlZw==:ARb" ] } },
            { "type": "BODY", "text": "Hello {{1}}, our spring sale ends {{2}}. Enjoy!", "example": { "body_text": [ [ "Priya", "Sunday" ] ] } },
            { "type": "FOOTER", "text": "Reply STOP to opt out" },
            { "type": "BUTTONS", "buttons": [
              { "type": "URL", "text": "Shop", "url": "https://shop.example.com/spring" },
              { "type": "QUICK_REPLY", "text": "Not now" } ] } ] }
        """;

    public static string Authentication(string name, string language = "en_US") => $$$"""
        { "name": "{{{name}}}", "language": "{{{language}}}", "category": "AUTHENTICATION", "message_send_ttl_seconds": 300,
          "components": [
            { "type": "BODY", "add_security_recommendation": true },
            { "type": "FOOTER", "code_expiration_minutes": 5 },
            { "type": "BUTTONS", "buttons": [ { "type": "OTP", "otp_type": "COPY_CODE", "text": "Copy code" } ] } ] }
        """;

    public static string Carousel(string name) => $$$"""
        { "name": "{{{name}}}", "language": "en_GB", "category": "MARKETING",
          "components": [
            { "type": "BODY", "text": "Three picks for you, {{1}}.", "example": { "body_text": [ [ "Priya" ] ] } },
            { "type": "CAROUSEL", "cards": [
              { "components": [
                { "type": "HEADER", "format": "IMAGE", "example": { "header_handle": [ "4::aW1hZ2U=:A1" ] } },
                { "type": "BODY", "text": "Linen shirt, now {{1}}.", "example": { "body_text": [ [ "£25" ] ] } },
                { "type": "BUTTONS", "buttons": [
                  { "type": "QUICK_REPLY", "text": "More like this" },
                  { "type": "URL", "text": "Buy", "url": "https://shop.example.com/p/{{1}}", "example": [ "https://shop.example.com/p/1" ] } ] } ] },
              { "components": [
                { "type": "HEADER", "format": "IMAGE", "example": { "header_handle": [ "4::aW1hZ2U=:A2" ] } },
                { "type": "BODY", "text": "Straw hat for the summer." },
                { "type": "BUTTONS", "buttons": [
                  { "type": "QUICK_REPLY", "text": "More like this" },
                  { "type": "URL", "text": "Buy", "url": "https://shop.example.com/p/{{1}}", "example": [ "https://shop.example.com/p/2" ] } ] } ] } ] } ] }
        """;

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
