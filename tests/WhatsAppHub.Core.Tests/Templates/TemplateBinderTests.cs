using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Templates;
using WhatsAppHub.Core.Tests.Messaging.Content;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Testing.Templates;

namespace WhatsAppHub.Core.Tests.Templates;

/// <summary>
/// Binding send values to stored definitions (§1.8): every template kind of the reference produces the Cloud API
/// template object it documents, which the outbound template rules accept; each wrong value is one error at its path.
/// </summary>
public class TemplateBinderTests
{
    /// <summary>How EUM returns an authentication template after creation (§3.5: the OTP button is stored as URL).</summary>
    private const string StoredLoginCode = """
        { "name": "login_code", "language": "en_US", "category": "AUTHENTICATION", "status": "APPROVED", "id": "1234",
          "components": [
            { "type": "BODY", "text": "*{{1}}* is your verification code.", "add_security_recommendation": true },
            { "type": "BUTTONS", "buttons": [ { "type": "URL", "text": "Copy code", "url": "https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code_expiration_minutes=5&code=otp{{1}}" } ] } ] }
        """;

    private const string Receipt = """
        { "name": "order_confirmation", "language": "en_GB", "category": "UTILITY",
          "components": [
            { "type": "HEADER", "format": "DOCUMENT", "example": { "header_handle": [ "4::cGRm:AR" ] } },
            { "type": "BODY", "text": "Hi {{1}}, order {{2}} of {{3}} is due {{4}}.", "example": { "body_text": [ [ "Priya", "AB123", "£42.00", "Tuesday" ] ] } },
            { "type": "BUTTONS", "buttons": [ { "type": "URL", "text": "Order", "url": "https://shop.example.com/o/{{1}}", "example": [ "https://shop.example.com/o/AB123" ] } ] } ] }
        """;

    public static TheoryData<string, string, string> Kinds => new()
    {
        // Marketing, positional, image header (a hub media id: the send path resolves it), quick-reply payload.
        {
            TemplateExamples.SpringSale,
            """{ "header": { "image": { "id": "hubmedia-01J9Z" } }, "body": [ "Priya", "Sunday" ], "buttons": [ { "index": 2, "value": "spring:interested" } ] }""",
            """
            { "name": "spring_sale_2026", "language": { "code": "en" }, "components": [
              { "type": "header", "parameters": [ { "type": "image", "image": { "id": "hubmedia-01J9Z" } } ] },
              { "type": "body", "parameters": [ { "type": "text", "text": "Priya" }, { "type": "text", "text": "Sunday" } ] },
              { "type": "button", "sub_type": "quick_reply", "index": 2, "parameters": [ { "type": "payload", "payload": "spring:interested" } ] } ] }
            """
        },
        // Utility, named parameters in header and body, URL suffix; the values' order does not matter.
        {
            TemplateExamples.OrderShipped,
            """{ "body": { "eta": "Tuesday", "first_name": "Priya" }, "header": { "order_id": "AB123" }, "buttons": [ { "index": 0, "value": "AB123" } ] }""",
            """
            { "name": "order_shipped", "language": { "code": "en_GB" }, "components": [
              { "type": "header", "parameters": [ { "type": "text", "parameter_name": "order_id", "text": "AB123" } ] },
              { "type": "body", "parameters": [ { "type": "text", "parameter_name": "first_name", "text": "Priya" }, { "type": "text", "parameter_name": "eta", "text": "Tuesday" } ] },
              { "type": "button", "sub_type": "url", "index": 0, "parameters": [ { "type": "text", "text": "AB123" } ] } ] }
            """
        },
        // §1.8's utility example: document header, text, currency and date_time body values, URL suffix.
        {
            Receipt,
            """
            { "header": { "document": { "id": "1234567890123456", "filename": "receipt-AB123.pdf" } },
              "body": [ "Priya", "AB123", { "currency": { "fallback_value": "£42.00", "code": "GBP", "amount_1000": 42000 } }, { "date_time": { "fallback_value": "Tue 3 March" } } ],
              "buttons": [ { "index": 0, "value": "AB123" } ] }
            """,
            """
            { "name": "order_confirmation", "language": { "code": "en_GB" }, "components": [
              { "type": "header", "parameters": [ { "type": "document", "document": { "id": "1234567890123456", "filename": "receipt-AB123.pdf" } } ] },
              { "type": "body", "parameters": [
                { "type": "text", "text": "Priya" }, { "type": "text", "text": "AB123" },
                { "type": "currency", "currency": { "fallback_value": "£42.00", "code": "GBP", "amount_1000": 42000 } },
                { "type": "date_time", "date_time": { "fallback_value": "Tue 3 March" } } ] },
              { "type": "button", "sub_type": "url", "index": 0, "parameters": [ { "type": "text", "text": "AB123" } ] } ] }
            """
        },
        // Location header.
        {
            TemplateExamples.StoreLocation,
            """{ "header": { "location": { "latitude": 51.5, "longitude": -0.12, "name": "Store", "address": "1 Walk" } }, "body": [ "AB123" ] }""",
            """
            { "name": "store_pickup", "language": { "code": "pt_BR" }, "components": [
              { "type": "header", "parameters": [ { "type": "location", "location": { "latitude": 51.5, "longitude": -0.12, "name": "Store", "address": "1 Walk" } } ] },
              { "type": "body", "parameters": [ { "type": "text", "text": "AB123" } ] } ] }
            """
        },
        // Authentication, copy code, as the hub defines it: the code fills the body and the OTP button (§1.8).
        {
            TemplateExamples.LoginCode,
            """{ "code": "482913" }""",
            """
            { "name": "login_code", "language": { "code": "en_US" }, "components": [
              { "type": "body", "parameters": [ { "type": "text", "text": "482913" } ] },
              { "type": "button", "sub_type": "url", "index": 0, "parameters": [ { "type": "text", "text": "482913" } ] } ] }
            """
        },
        // Authentication, one-tap: the same two places.
        {
            TemplateExamples.OneTap,
            """{ "code": "A1B2C3" }""",
            """
            { "name": "login_one_tap", "language": { "code": "en_US" }, "components": [
              { "type": "body", "parameters": [ { "type": "text", "text": "A1B2C3" } ] },
              { "type": "button", "sub_type": "url", "index": 0, "parameters": [ { "type": "text", "text": "A1B2C3" } ] } ] }
            """
        },
        // Authentication as EUM stores it (OTP button become URL).
        {
            StoredLoginCode,
            """{ "code": "482913" }""",
            """
            { "name": "login_code", "language": { "code": "en_US" }, "components": [
              { "type": "body", "parameters": [ { "type": "text", "text": "482913" } ] },
              { "type": "button", "sub_type": "url", "index": 0, "parameters": [ { "type": "text", "text": "482913" } ] } ] }
            """
        },
        // Coupon: text header variable, copy code, URL suffix, and the tap-target title override.
        {
            TemplateExamples.Coupon,
            """
            { "header": [ "Priya" ], "buttons": [ { "index": 1, "value": "WELCOME10" }, { "index": 0, "value": "WELCOME10" } ],
              "tap_target": { "url": "https://shop.example.com/?c=WELCOME10", "title": "Claim 10% off" } }
            """,
            """
            { "name": "coupon_welcome", "language": { "code": "en_GB" }, "components": [
              { "type": "header", "parameters": [ { "type": "text", "text": "Priya" } ] },
              { "type": "button", "sub_type": "copy_code", "index": 0, "parameters": [ { "type": "coupon_code", "coupon_code": "WELCOME10" } ] },
              { "type": "button", "sub_type": "url", "index": 1, "parameters": [ { "type": "text", "text": "WELCOME10" } ] },
              { "type": "tap_target_configuration", "parameters": [ { "type": "tap_target_configuration",
                "tap_target_configuration": [ { "url": "https://shop.example.com/?c=WELCOME10", "title": "Claim 10% off" } ] } ] } ] }
            """
        },
        // Limited-time offer: video header, offer expiry after the body, copy code and URL (§1.8's example order).
        {
            TemplateExamples.LimitedTimeOffer,
            """
            { "header": { "video": { "link": "https://cdn.example.com/flash.mp4" } }, "body": [ "Priya" ], "expiration_time_ms": 1772582400000,
              "buttons": [ { "index": 0, "value": "FLASH30" }, { "index": 1, "value": "flash" } ] }
            """,
            """
            { "name": "flash_sale", "language": { "code": "en_US" }, "components": [
              { "type": "header", "parameters": [ { "type": "video", "video": { "link": "https://cdn.example.com/flash.mp4" } } ] },
              { "type": "body", "parameters": [ { "type": "text", "text": "Priya" } ] },
              { "type": "limited_time_offer", "parameters": [ { "type": "limited_time_offer", "limited_time_offer": { "expiration_time_ms": 1772582400000 } } ] },
              { "type": "button", "sub_type": "copy_code", "index": 0, "parameters": [ { "type": "coupon_code", "coupon_code": "FLASH30" } ] },
              { "type": "button", "sub_type": "url", "index": 1, "parameters": [ { "type": "text", "text": "flash" } ] } ] }
            """
        },
        // Media card carousel: per-card header, body and buttons; the quick reply of card 1 is left without a payload.
        {
            TemplateExamples.MediaCarousel,
            """
            { "body": [ "Priya" ], "cards": [
              { "header": { "image": { "id": "1111222233334444" } }, "body": [ "£25" ], "buttons": [ { "index": 0, "value": "more-shirts" }, { "index": 1, "value": "1" } ] },
              { "header": { "image": { "link": "https://cdn.example.com/hat.jpg" } }, "buttons": [ { "index": 1, "value": "2" } ] } ] }
            """,
            """
            { "name": "spring_carousel", "language": { "code": "en_GB" }, "components": [
              { "type": "body", "parameters": [ { "type": "text", "text": "Priya" } ] },
              { "type": "carousel", "cards": [
                { "card_index": 0, "components": [
                  { "type": "header", "parameters": [ { "type": "image", "image": { "id": "1111222233334444" } } ] },
                  { "type": "body", "parameters": [ { "type": "text", "text": "£25" } ] },
                  { "type": "button", "sub_type": "quick_reply", "index": 0, "parameters": [ { "type": "payload", "payload": "more-shirts" } ] },
                  { "type": "button", "sub_type": "url", "index": 1, "parameters": [ { "type": "text", "text": "1" } ] } ] },
                { "card_index": 1, "components": [
                  { "type": "header", "parameters": [ { "type": "image", "image": { "link": "https://cdn.example.com/hat.jpg" } } ] },
                  { "type": "button", "sub_type": "url", "index": 1, "parameters": [ { "type": "text", "text": "2" } ] } ] } ] } ] }
            """
        },
        // Product card carousel: each card's header names the product.
        {
            TemplateExamples.ProductCarousel,
            """
            { "cards": [ { "header": { "product": { "product_retailer_id": "SKU-1", "catalog_id": "1942" } } },
                         { "header": { "product": { "product_retailer_id": "SKU-2", "catalog_id": "1942" } } } ] }
            """,
            """
            { "name": "product_picks", "language": { "code": "en_GB" }, "components": [
              { "type": "carousel", "cards": [
                { "card_index": 0, "components": [ { "type": "header", "parameters": [ { "type": "product", "product": { "product_retailer_id": "SKU-1", "catalog_id": "1942" } } ] } ] },
                { "card_index": 1, "components": [ { "type": "header", "parameters": [ { "type": "product", "product": { "product_retailer_id": "SKU-2", "catalog_id": "1942" } } ] } ] } ] } ] }
            """
        },
        // Catalog with a thumbnail product.
        {
            TemplateExamples.Catalog,
            """{ "buttons": [ { "index": 0, "value": { "thumbnail_product_retailer_id": "SKU-88" } } ] }""",
            """
            { "name": "browse_catalog", "language": { "code": "en_GB" }, "components": [
              { "type": "button", "sub_type": "catalog", "index": 0, "parameters": [ { "type": "action", "action": { "thumbnail_product_retailer_id": "SKU-88" } } ] } ] }
            """
        },
        // Catalog without one: the button is still sent.
        {
            TemplateExamples.Catalog,
            "{}",
            """
            { "name": "browse_catalog", "language": { "code": "en_GB" }, "components": [
              { "type": "button", "sub_type": "catalog", "index": 0, "parameters": [ { "type": "action", "action": { } } ] } ] }
            """
        },
        // Multi-product: thumbnail and sections.
        {
            TemplateExamples.MultiProduct,
            """
            { "body": [ "Priya" ], "buttons": [ { "index": 0, "value": { "thumbnail_product_retailer_id": "SKU-88",
              "sections": [ { "title": "Back in stock", "product_items": [ { "product_retailer_id": "SKU-88" }, { "product_retailer_id": "SKU-89" } ] } ] } } ] }
            """,
            """
            { "name": "summer_collection", "language": { "code": "en_GB" }, "components": [
              { "type": "body", "parameters": [ { "type": "text", "text": "Priya" } ] },
              { "type": "button", "sub_type": "mpm", "index": 0, "parameters": [ { "type": "action", "action": { "thumbnail_product_retailer_id": "SKU-88",
                "sections": [ { "title": "Back in stock", "product_items": [ { "product_retailer_id": "SKU-88" }, { "product_retailer_id": "SKU-89" } ] } ] } } ] } ] }
            """
        },
        // Flow button: the action is optional, so a template without variables binds with no values at all.
        {
            TemplateExamples.Invoice,
            """{ "header": { "document": { "link": "https://files.example.com/inv-7.pdf" } } }""",
            """
            { "name": "invoice_ready", "language": { "code": "es_419" }, "components": [
              { "type": "header", "parameters": [ { "type": "document", "document": { "link": "https://files.example.com/inv-7.pdf" } } ] } ] }
            """
        },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_template_kind_binds_to_the_send_object_the_outbound_rules_accept(string definition, string values, string expected)
    {
        var (template, errors) = Bind(definition, values);
        Assert.True(errors.Count == 0, "refused: " + Definition.Describe(errors));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), template), "got: " + template!.ToJsonString());
        Send.Accepted(Send.Content("template", template.ToJsonString()));
    }

    [Fact]
    public void A_template_without_variables_binds_with_no_values()
    {
        const string plain = """
            { "name": "thanks", "language": "en", "category": "UTILITY", "components": [ { "type": "BODY", "text": "Thanks for your order." } ] }
            """;
        using var definition = JsonDocument.Parse(plain);
        var errors = new ValidationErrors();
        var template = TemplateBinder.Bind(definition.RootElement, default, "$.values", errors);
        Assert.True(errors.IsEmpty, Definition.Describe(errors.All));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "name": "thanks", "language": { "code": "en" } }"""), template));
        Send.Accepted(Send.Content("template", template!.ToJsonString()));
    }

    [Theory]
    // Missing values.
    [InlineData(nameof(TemplateExamples.OrderShipped), """{ "header": { "order_id": "AB1" }, "body": { "first_name": "Priya" }, "buttons": [ { "index": 0, "value": "AB1" } ] }""", "$.values.body.eta", "required")]
    [InlineData(nameof(TemplateExamples.OrderShipped), """{ "header": { "order_id": "AB1" }, "buttons": [ { "index": 0, "value": "AB1" } ] }""", "$.values.body", "required")]
    [InlineData(nameof(TemplateExamples.SpringSale), """{ "body": [ "Priya", "Sunday" ] }""", "$.values.header", "required")]
    [InlineData(nameof(TemplateExamples.Coupon), """{ "header": [ "Priya" ], "buttons": [ { "index": 1, "value": "W10" } ] }""", "$.values.buttons", "required")]
    [InlineData(nameof(TemplateExamples.Coupon), """{ "header": [ "Priya" ], "buttons": [ { "index": 0, "value": "W10" }, { "index": 1 } ] }""", "$.values.buttons[1].value", "required")]
    [InlineData(nameof(TemplateExamples.SpringSale), """{ "header": { "image": { "id": "1" } }, "body": [ "Priya", null ] }""", "$.values.body[1]", "required")]
    [InlineData(nameof(TemplateExamples.SpringSale), """{ "header": { "image": { "id": "1" } }, "body": [ "Priya", " " ] }""", "$.values.body[1]", "required")]
    [InlineData(nameof(TemplateExamples.LoginCode), "{}", "$.values.code", "required")]
    [InlineData(nameof(TemplateExamples.LimitedTimeOffer), """{ "header": { "video": { "id": "1" } }, "body": [ "Priya" ], "buttons": [ { "index": 0, "value": "F30" }, { "index": 1, "value": "f" } ] }""", "$.values.expiration_time_ms", "required")]
    [InlineData(nameof(TemplateExamples.MultiProduct), """{ "body": [ "Priya" ] }""", "$.values.buttons", "required")]
    [InlineData(nameof(TemplateExamples.MediaCarousel), """{ "body": [ "Priya" ] }""", "$.values.cards", "required")]
    [InlineData(nameof(TemplateExamples.MediaCarousel), """{ "body": [ "Priya" ], "cards": [ { "body": [ "£25" ], "buttons": [ { "index": 1, "value": "1" } ] }, { "header": { "image": { "id": "2" } }, "buttons": [ { "index": 1, "value": "2" } ] } ] }""", "$.values.cards[0].header", "required")]
    [InlineData(nameof(TemplateExamples.StoreLocation), """{ "header": { "location": { "longitude": 1 } }, "body": [ "AB1" ] }""", "$.values.header.location.latitude", "required")]
    // Unexpected extra values.
    [InlineData(nameof(TemplateExamples.OrderShipped), """{ "header": { "order_id": "AB1" }, "body": { "first_name": "Priya", "eta": "Tue", "coupon": "X" }, "buttons": [ { "index": 0, "value": "AB1" } ] }""", "$.values.body.coupon", "unexpected")]
    [InlineData(nameof(TemplateExamples.Catalog), """{ "body": [ "x" ] }""", "$.values.body", "unexpected")]
    [InlineData(nameof(TemplateExamples.MultiProduct), """{ "header": [ "x" ], "body": [ "Priya" ], "buttons": [ { "index": 0, "value": { "thumbnail_product_retailer_id": "S", "sections": [ { "title": "T", "product_items": [ { "product_retailer_id": "S" } ] } ] } } ] }""", "$.values.header", "unexpected")]
    [InlineData(nameof(TemplateExamples.SpringSale), """{ "header": { "image": { "id": "1" } }, "body": [ "Priya", "Sunday" ], "buttons": [ { "index": 0, "value": "+447700900999" } ] }""", "$.values.buttons[0].index", "unexpected")]
    [InlineData(nameof(TemplateExamples.LoginCode), """{ "code": "482913", "body": [ "482913" ] }""", "$.values.body", "unexpected")]
    [InlineData(nameof(TemplateExamples.Coupon), """{ "header": [ "Priya" ], "code": "1", "buttons": [ { "index": 0, "value": "W10" }, { "index": 1, "value": "W10" } ] }""", "$.values.code", "unexpected")]
    [InlineData(nameof(TemplateExamples.Catalog), """{ "expiration_time_ms": 1772582400000 }""", "$.values.expiration_time_ms", "unexpected")]
    [InlineData(nameof(TemplateExamples.Catalog), """{ "cards": [] }""", "$.values.cards", "unexpected")]
    [InlineData(nameof(TemplateExamples.Catalog), """{ "tap_target": { "url": "https://e.com", "title": "Go" } }""", "$.values.tap_target", "unexpected")]
    [InlineData(nameof(TemplateExamples.StoreLocation), """{ "header": { "location": { "latitude": 1, "longitude": 1 } }, "body": [ "AB1" ], "buttons": [] }""", "$.values.buttons", "unexpected")]
    [InlineData(nameof(TemplateExamples.Catalog), """{ "footer": "x" }""", "$.values.footer", "unknownMember")]
    [InlineData(nameof(TemplateExamples.Coupon), """{ "header": [ "Priya" ], "buttons": [ { "index": 0, "value": "W10" }, { "index": 1, "value": "W10" }, { "index": 0, "value": "W11" } ] }""", "$.values.buttons[2].index", "unique")]
    [InlineData(nameof(TemplateExamples.Coupon), """{ "header": [ "Priya" ], "buttons": [ { "index": 0, "value": "W10" }, { "index": 2, "value": "W10" } ] }""", "$.values.buttons[1].index", "range")]
    // Wrong counts.
    [InlineData(nameof(TemplateExamples.SpringSale), """{ "header": { "image": { "id": "1" } }, "body": [ "Priya" ] }""", "$.values.body", "count")]
    [InlineData(nameof(TemplateExamples.SpringSale), """{ "header": { "image": { "id": "1" } }, "body": [ "Priya", "Sunday", "extra" ] }""", "$.values.body", "count")]
    [InlineData(nameof(TemplateExamples.MediaCarousel), """{ "body": [ "Priya" ], "cards": [ { "header": { "image": { "id": "1" } }, "body": [ "£25" ], "buttons": [ { "index": 1, "value": "1" } ] } ] }""", "$.values.cards", "count")]
    // Wrong types.
    [InlineData(nameof(TemplateExamples.SpringSale), """{ "header": "https://cdn.example.com/a.jpg", "body": [ "Priya", "Sunday" ] }""", "$.values.header", "type")]
    [InlineData(nameof(TemplateExamples.SpringSale), """{ "header": { "video": { "id": "1" } }, "body": [ "Priya", "Sunday" ] }""", "$.values.header", "type")]
    [InlineData(nameof(TemplateExamples.SpringSale), """{ "header": { "image": { "id": "1" } }, "body": { "1": "Priya", "2": "Sunday" } }""", "$.values.body", "type")]
    [InlineData(nameof(TemplateExamples.OrderShipped), """{ "header": [ "AB1" ], "body": { "first_name": "Priya", "eta": "Tue" }, "buttons": [ { "index": 0, "value": "AB1" } ] }""", "$.values.header", "type")]
    [InlineData(nameof(TemplateExamples.SpringSale), """{ "header": { "image": { "id": "1" } }, "body": [ "Priya", 7 ] }""", "$.values.body[1]", "type")]
    [InlineData(nameof(TemplateExamples.OrderShipped), """{ "header": { "order_id": "AB1" }, "body": { "first_name": "Priya", "eta": { "date_time": { "fallback_value": "Tue" } } }, "buttons": [ { "index": 0, "value": "AB1" } ] }""", "$.values.body.eta", "type")]
    [InlineData(nameof(TemplateExamples.SpringSale), """{ "header": { "image": { "id": "1" } }, "body": [ "Priya", { "image": { "id": "2" } } ] }""", "$.values.body[1]", "type")]
    [InlineData(nameof(TemplateExamples.Coupon), """{ "header": [ "Priya" ], "buttons": [ { "index": 0, "value": { "coupon_code": "W10" } }, { "index": 1, "value": "W10" } ] }""", "$.values.buttons[0].value", "type")]
    [InlineData(nameof(TemplateExamples.MultiProduct), """{ "body": [ "Priya" ], "buttons": [ { "index": 0, "value": "SKU-88" } ] }""", "$.values.buttons[0].value", "type")]
    [InlineData(nameof(TemplateExamples.LoginCode), """{ "code": 482913 }""", "$.values.code", "type")]
    [InlineData(nameof(TemplateExamples.LimitedTimeOffer), """{ "header": { "video": { "id": "1" } }, "body": [ "Priya" ], "expiration_time_ms": "tomorrow", "buttons": [ { "index": 0, "value": "F30" }, { "index": 1, "value": "f" } ] }""", "$.values.expiration_time_ms", "type")]
    [InlineData(nameof(TemplateExamples.SpringSale), """{ "header": { "image": { "id": "1" } }, "body": [ "Priya", { "currency": { "fallback_value": "£1", "code": "gbp", "amount_1000": 1000 } } ] }""", "$.values.body[1].currency.code", "pattern")]
    [InlineData(nameof(TemplateExamples.SpringSale), """{ "header": { "image": { "link": "http://cdn.example.com/a.jpg" } }, "body": [ "Priya", "Sunday" ] }""", "$.values.header.image.link", "httpsUrl")]
    [InlineData(nameof(TemplateExamples.MultiProduct), """{ "body": [ "Priya" ], "buttons": [ { "index": 0, "value": { "thumbnail_product_retailer_id": "S" } } ] }""", "$.values.buttons[0].value.sections", "required")]
    // Values too long.
    [InlineData(nameof(TemplateExamples.OrderShipped), """{ "header": { "order_id": "1234567890123456789012345678901234567890123456789012345678901" }, "body": { "first_name": "Priya", "eta": "Tue" }, "buttons": [ { "index": 0, "value": "AB1" } ] }""", "$.values.header.order_id", "maxLength")]
    [InlineData(nameof(TemplateExamples.Coupon), """{ "header": [ "Priya" ], "buttons": [ { "index": 0, "value": "WELCOME10WELCOME" }, { "index": 1, "value": "W10" } ] }""", "$.values.buttons[0].value", "maxLength")]
    [InlineData(nameof(TemplateExamples.LoginCode), """{ "code": "1234567890123456" }""", "$.values.code", "maxLength")]
    [InlineData(nameof(TemplateExamples.MediaCarousel), """{ "body": [ "Priya" ], "cards": [ { "header": { "image": { "id": "1" } }, "body": [ "£25, with a matching linen scarf and a pair of canvas shoes, while stocks last: order today and we will ship it tomorrow morning by first-class post" ], "buttons": [ { "index": 1, "value": "1" } ] }, { "header": { "image": { "id": "2" } }, "buttons": [ { "index": 1, "value": "2" } ] } ] }""", "$.values.cards[0].body", "maxLength")]
    public void Each_wrong_value_is_refused_with_one_error(string definition, string values, string path, string rule)
    {
        var (template, errors) = Bind(TemplateExamples.All[definition], values);
        Assert.Null(template);
        Assert.True(errors.Count == 1 && errors[0].Path == path && errors[0].Rule == rule,
            $"expected exactly {path} {rule}; got: " + Definition.Describe(errors));
    }

    [Fact]
    public void A_url_suffix_longer_than_a_template_url_is_refused()
    {
        var values = $$"""{ "header": [ "Priya" ], "buttons": [ { "index": 0, "value": "W10" }, { "index": 1, "value": "{{new string('a', 2001)}}" } ] }""";
        var (template, errors) = Bind(TemplateExamples.Coupon, values);
        Assert.Null(template);
        Assert.Equal("$.values.buttons[1].value maxLength", Assert.Single(errors, e => true).Path + " " + errors[0].Rule);
    }

    [Fact]
    public void Every_broken_value_is_named_at_once()
    {
        var (template, errors) = Bind(TemplateExamples.LimitedTimeOffer, """{ "header": "x", "body": [], "buttons": [ { "index": 0, "value": "TOO-LONG-COUPON-CODE" } ] }""");
        Assert.Null(template);
        Assert.Equal(
            ["$.values.header type", "$.values.body count", "$.values.buttons[0].value maxLength", "$.values.buttons required", "$.values.expiration_time_ms required"],
            errors.Select(e => $"{e.Path} {e.Rule}").ToArray());
    }

    [Theory]
    [InlineData("[]", "{}")]
    [InlineData("""{ "language": "en", "components": [] }""", "{}")]
    [InlineData("""{ "name": "x", "language": "en" }""", "{}")]
    [InlineData("""{ "name": "x", "language": "en", "components": {} }""", "{}")]
    // Readable, but its send would break the send rules: a name Meta never approves, two copy-code buttons.
    [InlineData("""{ "name": "Spring Sale", "language": "en", "components": [ { "type": "BODY", "text": "Hi" } ] }""", "{}")]
    [InlineData("""{ "name": "x", "language": "en", "components": [ { "type": "BUTTONS", "buttons": [ { "type": "COPY_CODE" }, { "type": "COPY_CODE" } ] } ] }""",
        """{ "buttons": [ { "index": 0, "value": "A" }, { "index": 1, "value": "B" } ] }""")]
    public void A_definition_that_cannot_be_bound_is_one_error(string definition, string values)
    {
        var (template, errors) = Bind(definition, values);
        Assert.Null(template);
        Assert.True(errors.Count == 1 && errors[0].Path == "$.values" && errors[0].Rule == "definition", Definition.Describe(errors));
    }

    [Fact]
    public void Values_that_are_not_an_object_are_one_error()
    {
        var (template, errors) = Bind(TemplateExamples.Catalog, """[ "Priya" ]""");
        Assert.Null(template);
        Assert.True(errors.Count == 1 && errors[0].Path == "$.values" && errors[0].Rule == "type", Definition.Describe(errors));
    }

    internal static (JsonObject? Template, IReadOnlyList<ValidationError> Errors) Bind(string definition, string values)
    {
        using var definitionDocument = JsonDocument.Parse(definition);
        using var valuesDocument = JsonDocument.Parse(values);
        var errors = new ValidationErrors();
        var template = TemplateBinder.Bind(definitionDocument.RootElement, valuesDocument.RootElement, "$.values", errors);
        return (template, errors.All);
    }
}
