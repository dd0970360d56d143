namespace WhatsAppHub.Functions.Tests.Support;

/// <summary>Examples for the routes of the non-interactive types (text, media, location, contacts, reaction, template).</summary>
public static partial class RouteExamples
{
    private static IReadOnlyList<Example> Basic =>
    [
        new("text", "with link preview", """{"text":{"body":"Read https://example.com/orders/42","preview_url":true}}"""),
        new("text", "reply with context", """{"context":{"message_id":"wamid.HBgMNDQ3NzAwOTAwMTIzFQIAEhgUM0VCMDUxRTg5QzY4QTQ3RjRCNDQA"},"text":{"body":"Yes, size M is back in stock."}}"""),
        new("text", "own callback data", """{"biz_opaque_callback_data":"campaign-7|row-42","text":{"body":"Your table is ready."}}"""),
        new("text", "to a group", """{"recipient_type":"group","text":{"body":"Hello everyone"}}"""),
        new("image", "by id", """{"image":{"id":"1234567890123456","caption":"Blue mug, 350 ml"}}"""),
        new("image", "by link", """{"image":{"link":"https://cdn.example.com/p/sku-88.jpg?v=3","caption":"Blue mug, 350 ml"}}"""),
        new("image", "hub media id", """{"image":{"id":"media-01JDX3K7Q8"}}"""),
        new("video", "by link with caption", """{"video":{"link":"https://cdn.example.com/v/unboxing.mp4","caption":"Unboxing"}}"""),
        new("audio", "voice message", """{"audio":{"id":"2233445566778899","voice":true}}"""),
        new("audio", "basic audio by link", """{"audio":{"link":"https://cdn.example.com/a/jingle.mp3"}}"""),
        new("document", "with filename and caption", """{"document":{"id":"1234567890123456","filename":"invoice-2026-0042.pdf","caption":"Invoice 2026-0042"}}"""),
        new("sticker", "by id", """{"sticker":{"id":"9988776655443322"}}"""),
        new("location", "with name and address", """{"location":{"latitude":51.5033,"longitude":-0.1196,"name":"Example Store","address":"1 Riverside Walk, London"}}"""),
        new("contacts", "one card", """{"contacts":[{"name":{"formatted_name":"Priya Shah","first_name":"Priya","last_name":"Shah"},"org":{"company":"Example Ltd","title":"Support Lead"},"phones":[{"phone":"+447700900456","type":"Work","wa_id":"447700900456"}],"emails":[{"email":"support@example.com","type":"Work"}]}]}"""),
        new("reaction", "thumbs up", """{"reaction":{"message_id":"wamid.HBgMNDQ3NzAwOTAwMTIzFQIAEhgUM0VCMDUxRTg5QzY4QTQ3RjRCNDQA","emoji":"👍"}}"""),
        new("reaction", "removal", """{"reaction":{"message_id":"wamid.HBgMNDQ3NzAwOTAwMTIzFQIAEhgUM0VCMDUxRTg5QzY4QTQ3RjRCNDQA","emoji":""}}"""),
        new("template", "document header, text, currency and date_time body, url button", """
            {"template":{"name":"order_confirmation","language":{"policy":"deterministic","code":"en_GB"},"components":[
              {"type":"header","parameters":[{"type":"document","document":{"id":"1234567890123456","filename":"receipt-AB123.pdf"}}]},
              {"type":"body","parameters":[{"type":"text","text":"Priya"},{"type":"text","text":"AB123"},
                {"type":"currency","currency":{"fallback_value":"£42.00","code":"GBP","amount_1000":42000}},
                {"type":"date_time","date_time":{"fallback_value":"Tue 3 March"}}]},
              {"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"AB123"}]}]}}
            """, FreeForm: false),
        new("template", "named parameters and text header", """
            {"template":{"name":"order_shipped","language":{"code":"en_GB"},"components":[
              {"type":"header","parameters":[{"type":"text","text":"AB123","parameter_name":"order_id"}]},
              {"type":"body","parameters":[{"type":"text","text":"Priya","parameter_name":"first_name"},{"type":"text","text":"Tuesday","parameter_name":"eta"}]}]}}
            """, FreeForm: false),
        new("template", "location header", """
            {"template":{"name":"store_pickup","language":{"code":"en_GB"},"components":[
              {"type":"header","parameters":[{"type":"location","location":{"latitude":51.5033,"longitude":-0.1196,"name":"Example Store","address":"1 Riverside Walk, London"}}]}]}}
            """, FreeForm: false),
        new("template", "limited-time offer with copy code and url", """
            {"template":{"name":"spring_offer","language":{"code":"en_GB"},"components":[
              {"type":"header","parameters":[{"type":"image","image":{"link":"https://cdn.example.com/spring.jpg"}}]},
              {"type":"body","parameters":[{"type":"text","text":"Priya"},{"type":"text","text":"SPRING25"}]},
              {"type":"limited_time_offer","parameters":[{"type":"limited_time_offer","limited_time_offer":{"expiration_time_ms":1772582400000}}]},
              {"type":"button","sub_type":"copy_code","index":0,"parameters":[{"type":"coupon_code","coupon_code":"SPRING25"}]},
              {"type":"button","sub_type":"url","index":1,"parameters":[{"type":"text","text":"spring25"}]}]}}
            """, FreeForm: false),
        new("template", "quick replies", """
            {"template":{"name":"appointment_reminder","language":{"code":"en_GB"},"components":[
              {"type":"body","parameters":[{"type":"text","text":"Tue 3 March, 10:00"}]},
              {"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"appt-991:confirm"}]},
              {"type":"button","sub_type":"quick_reply","index":"1","parameters":[{"type":"payload","payload":"appt-991:cancel"}]}]}}
            """, FreeForm: false),
        new("template", "media card carousel", """
            {"template":{"name":"spring_carousel","language":{"code":"en_GB"},"components":[
              {"type":"body","parameters":[{"type":"text","text":"Priya"}]},
              {"type":"carousel","cards":[
                {"card_index":0,"components":[
                  {"type":"header","parameters":[{"type":"image","image":{"id":"1111222233334444"}}]},
                  {"type":"body","parameters":[{"type":"currency","currency":{"fallback_value":"£9.50","code":"GBP","amount_1000":9500}}]},
                  {"type":"button","sub_type":"quick_reply","index":0,"parameters":[{"type":"payload","payload":"more-mugs"}]},
                  {"type":"button","sub_type":"url","index":1,"parameters":[{"type":"text","text":"mug-blue"}]}]},
                {"card_index":1,"components":[
                  {"type":"header","parameters":[{"type":"video","video":{"id":"5555666677778888"}}]},
                  {"type":"body","parameters":[{"type":"currency","currency":{"fallback_value":"£12.00","code":"GBP","amount_1000":12000}}]},
                  {"type":"button","sub_type":"quick_reply","index":0,"parameters":[{"type":"payload","payload":"more-plates"}]},
                  {"type":"button","sub_type":"url","index":1,"parameters":[{"type":"text","text":"plate-20"}]}]}]}]}}
            """, FreeForm: false),
        new("template", "multi-product button", """
            {"template":{"name":"back_in_stock","language":{"code":"en_GB"},"components":[
              {"type":"header","parameters":[{"type":"text","text":"Mugs"}]},
              {"type":"body","parameters":[{"type":"text","text":"Priya"}]},
              {"type":"button","sub_type":"mpm","index":0,"parameters":[{"type":"action","action":{
                "thumbnail_product_retailer_id":"SKU-88",
                "sections":[{"title":"Back in stock","product_items":[{"product_retailer_id":"SKU-88"},{"product_retailer_id":"SKU-89"}]}]}}]}]}}
            """, FreeForm: false),
        new("template", "catalog button", """
            {"template":{"name":"spring_catalog","language":{"code":"en_GB"},"components":[
              {"type":"body","parameters":[{"type":"text","text":"Priya"}]},
              {"type":"button","sub_type":"catalog","index":0,"parameters":[{"type":"action","action":{"thumbnail_product_retailer_id":"SKU-88"}}]}]}}
            """, FreeForm: false),
        new("template", "flow button", """
            {"template":{"name":"claim_form","language":{"code":"en_GB"},"components":[
              {"type":"button","sub_type":"flow","index":"0","parameters":[{"type":"action","action":{"flow_token":"case-77812","flow_action_data":{"postcode":"SE1 7PB"}}}]}]}}
            """, FreeForm: false),
        new("template", "authentication code", """
            {"template":{"name":"login_code","language":{"code":"en_US"},"components":[
              {"type":"body","parameters":[{"type":"text","text":"482913"}]},
              {"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"482913"}]}]}}
            """, FreeForm: false),
        new("template", "tap-target title override", """
            {"template":{"name":"summer_sale","language":{"code":"en_GB"},"components":[
              {"type":"tap_target_configuration","parameters":[{"type":"tap_target_configuration","tap_target_configuration":[{"url":"https://shop.example.com/sale","title":"Open the sale"}]}]}]}}
            """, FreeForm: false),
        new("template", "to a group", """
            {"recipient_type":"group","template":{"name":"group_update","language":{"code":"en_GB"},"components":[
              {"type":"body","parameters":[{"type":"text","text":"Friday"}]}]}}
            """, FreeForm: false),
    ];
}
