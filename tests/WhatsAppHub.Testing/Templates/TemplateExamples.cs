using System.Text.Json.Nodes;

namespace WhatsAppHub.Testing.Templates;

/// <summary>
/// Valid definitions: the reference's own (§3.1, §3.7) and one per category and variant built from §3.5–§3.8. Shared by
/// the rule tests (Core) and the end-to-end tests (Functions), which create them under fresh names with <see cref="Named"/>.
/// </summary>
public static class TemplateExamples
{
    /// <summary><paramref name="example"/> under another name (and language).</summary>
    public static string Named(string example, string name, string? language = null)
    {
        var definition = JsonNode.Parse(example)!.AsObject();
        definition["name"] = name;
        if (language is not null) definition["language"] = language;
        return definition.ToJsonString();
    }

    /// <summary>§3.1, verbatim.</summary>
    public const string OrderShipped = """
        { "name": "order_shipped",
          "language": "en_GB",
          "category": "UTILITY",
          "parameter_format": "named",
          "message_send_ttl_seconds": 3600,
          "components": [
            { "type": "HEADER", "format": "TEXT", "text": "Order {{order_id}} shipped",
              "example": { "header_text_named_params": [ { "param_name": "order_id", "example": "AB123" } ] } },
            { "type": "BODY", "text": "Hi {{first_name}}, your order is on its way and should arrive {{eta}}.",
              "example": { "body_text_named_params": [
                { "param_name": "first_name", "example": "Priya" },
                { "param_name": "eta", "example": "Tuesday" } ] } },
            { "type": "FOOTER", "text": "Example Ltd" },
            { "type": "BUTTONS", "buttons": [
              { "type": "URL", "text": "Track", "url": "https://track.example.com/{{1}}", "example": [ "https://track.example.com/AB123" ] },
              { "type": "QUICK_REPLY", "text": "Stop updates" } ] } ] }
        """;

    /// <summary>§3.7, verbatim.</summary>
    public const string LoginCode = """
        { "name": "login_code", "language": "en_US", "category": "AUTHENTICATION",
          "message_send_ttl_seconds": 300,
          "components": [
            { "type": "BODY", "add_security_recommendation": true },
            { "type": "FOOTER", "code_expiration_minutes": 5 },
            { "type": "BUTTONS", "buttons": [ { "type": "OTP", "otp_type": "COPY_CODE", "text": "Copy code" } ] } ] }
        """;

    public const string OneTap = """
        { "name": "login_one_tap", "language": "en_US", "category": "AUTHENTICATION",
          "components": [
            { "type": "BODY", "add_security_recommendation": false },
            { "type": "BUTTONS", "buttons": [ { "type": "OTP", "otp_type": "ONE_TAP", "text": "Copy code", "autofill_text": "Autofill",
              "supported_apps": [ { "package_name": "com.example.app", "signature_hash": "K8a/AINcGX7" } ] } ] } ] }
        """;

    public const string ZeroTap = """
        { "name": "login_zero_tap", "language": "en_US", "category": "AUTHENTICATION", "message_send_ttl_seconds": -1,
          "components": [
            { "type": "body" },
            { "type": "footer", "code_expiration_minutes": 90 },
            { "type": "buttons", "buttons": [ { "type": "otp", "otp_type": "zero_tap", "zero_tap_terms_accepted": true,
              "supported_apps": [ { "package_name": "com.example.app", "signature_hash": "K8a/AINcGX7" } ] } ] } ] }
        """;

    /// <summary>Positional marketing template with a media header, phone, URL and quick replies grouped at the end.</summary>
    public const string SpringSale = """
        { "name": "spring_sale_2026", "language": "en", "category": "MARKETING", "allow_category_change": true,
          "components": [
            { "type": "HEADER", "format": "IMAGE", "example": { "header_handle": [ "4::aW1hZ2UvanBlZw==:ARb" ] } },
            { "type": "BODY", "text": "Hello {{1}}, our spring sale ends {{2}}. Enjoy!",
              "example": { "body_text": [ [ "Priya", "Sunday" ] ] } },
            { "type": "FOOTER", "text": "Reply STOP to opt out" },
            { "type": "BUTTONS", "buttons": [
              { "type": "PHONE_NUMBER", "text": "Call us", "phone_number": "+447700900123" },
              { "type": "URL", "text": "Shop", "url": "https://shop.example.com/spring" },
              { "type": "QUICK_REPLY", "text": "Interested" },
              { "type": "QUICK_REPLY", "text": "Not now" } ] } ] }
        """;

    public const string StoreLocation = """
        { "name": "store_pickup", "language": "pt_BR", "category": "UTILITY",
          "components": [
            { "type": "HEADER", "format": "LOCATION" },
            { "type": "BODY", "text": "Your order {{1}} is ready for pickup." , "example": { "body_text": [ [ "AB123" ] ] } } ] }
        """;

    public const string Invoice = """
        { "name": "invoice_ready", "language": "es_419", "category": "UTILITY", "message_send_ttl_seconds": 43200,
          "components": [
            { "type": "HEADER", "format": "DOCUMENT", "example": { "header_handle": [ "4::YXBwbGljYXRpb24vcGRm:ARc" ] } },
            { "type": "BODY", "text": "Your invoice is attached." },
            { "type": "BUTTONS", "buttons": [ { "type": "FLOW", "text": "Pay now", "flow_id": "1234567890", "flow_action": "navigate", "navigate_screen": "PAY" } ] } ] }
        """;

    public const string Coupon = """
        { "name": "coupon_welcome", "language": "en_GB", "category": "MARKETING",
          "components": [
            { "type": "HEADER", "format": "TEXT", "text": "A gift for {{1}}", "example": { "header_text": [ "Priya" ] } },
            { "type": "BODY", "text": "Use the code below for 10% off your next order." },
            { "type": "BUTTONS", "buttons": [
              { "type": "COPY_CODE", "example": "WELCOME10" },
              { "type": "URL", "text": "Shop now", "url": "https://shop.example.com/?c={{1}}", "example": [ "https://shop.example.com/?c=WELCOME10" ] } ] } ] }
        """;

    public const string LimitedTimeOffer = """
        { "name": "flash_sale", "language": "en_US", "category": "MARKETING", "message_send_ttl_seconds": 86400,
          "components": [
            { "type": "HEADER", "format": "VIDEO", "example": { "header_handle": [ "4::dmlkZW8vbXA0:ARd" ] } },
            { "type": "LIMITED_TIME_OFFER", "limited_time_offer": { "text": "Flash sale!", "has_expiration": true } },
            { "type": "BODY", "text": "Hi {{1}}, 30% off everything until midnight.", "example": { "body_text": [ [ "Priya" ] ] } },
            { "type": "BUTTONS", "buttons": [
              { "type": "COPY_CODE", "example": "FLASH30" },
              { "type": "URL", "text": "Shop", "url": "https://shop.example.com/{{1}}", "example": [ "https://shop.example.com/flash" ] } ] } ] }
        """;

    public const string MediaCarousel = """
        { "name": "spring_carousel", "language": "en_GB", "category": "MARKETING",
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

    public const string ProductCarousel = """
        { "name": "product_picks", "language": "en_GB", "category": "MARKETING",
          "components": [
            { "type": "BODY", "text": "New in this week." },
            { "type": "CAROUSEL", "cards": [
              { "components": [ { "type": "HEADER", "format": "PRODUCT" }, { "type": "BUTTONS", "buttons": [ { "type": "SPM", "text": "View" } ] } ] },
              { "components": [ { "type": "HEADER", "format": "PRODUCT" }, { "type": "BUTTONS", "buttons": [ { "type": "SPM", "text": "View" } ] } ] } ] } ] }
        """;

    public const string MultiProduct = """
        { "name": "summer_collection", "language": "en_GB", "category": "MARKETING",
          "components": [
            { "type": "HEADER", "format": "TEXT", "text": "Summer collection" },
            { "type": "BODY", "text": "Hi {{1}}, here is what is new this summer.", "example": { "body_text": [ [ "Priya" ] ] } },
            { "type": "FOOTER", "text": "Example Ltd" },
            { "type": "BUTTONS", "buttons": [ { "type": "MPM", "text": "View items" } ] } ] }
        """;

    public const string Catalog = """
        { "name": "browse_catalog", "language": "en_GB", "category": "MARKETING",
          "components": [
            { "type": "BODY", "text": "Browse our catalog and order on WhatsApp." },
            { "type": "BUTTONS", "buttons": [ { "type": "CATALOG", "text": "View catalog" } ] } ] }
        """;

    public const string Library = """
        { "name": "delivery_update", "language": "en_US", "category": "UTILITY",
          "library_template_name": "delivery_update_1",
          "library_template_button_inputs": [ { "type": "URL", "url": { "base_url": "https://track.example.com/{{1}}", "url_suffix_example": "https://track.example.com/AB1" } } ] }
        """;

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        [nameof(OrderShipped)] = OrderShipped, [nameof(LoginCode)] = LoginCode, [nameof(OneTap)] = OneTap, [nameof(ZeroTap)] = ZeroTap,
        [nameof(SpringSale)] = SpringSale, [nameof(StoreLocation)] = StoreLocation, [nameof(Invoice)] = Invoice, [nameof(Coupon)] = Coupon,
        [nameof(LimitedTimeOffer)] = LimitedTimeOffer, [nameof(MediaCarousel)] = MediaCarousel, [nameof(ProductCarousel)] = ProductCarousel,
        [nameof(MultiProduct)] = MultiProduct, [nameof(Catalog)] = Catalog, [nameof(Library)] = Library,
    };
}
