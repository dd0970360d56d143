namespace WhatsAppHub.Functions.Tests.Support;

/// <summary>
/// Examples for the <c>interactive/…</c> routes (reference §1.7), with the variants that take different paths through
/// the rules: header kinds, media and product carousels, URL and quick-reply cards, flows by id and by name. Some give
/// <c>interactive.type</c>, others leave it to the route.
/// </summary>
public static partial class RouteExamples
{
    private static IReadOnlyList<Example> Interactive =>
    [
        new("interactive/button", "image header by id, types given", """
            {"messaging_product":"whatsapp","recipient_type":"individual","type":"interactive","interactive":{"type":"button",
             "header":{"type":"image","image":{"id":"1234567890123456"}},
             "body":{"text":"Your delivery slot is Tue 10:00-12:00. Keep it?"},"footer":{"text":"Reply within 24 h"},
             "action":{"buttons":[{"type":"reply","reply":{"id":"slot-keep","title":"Keep slot"}},
                                  {"type":"reply","reply":{"id":"slot-change","title":"Change"}}]}}}
            """),
        new("interactive/button", "text header, interactive.type left out", """
            {"interactive":{"header":{"type":"text","text":"Order AB123"},"body":{"text":"Did it arrive in one piece? 📦"},
             "action":{"buttons":[{"type":"reply","reply":{"id":"ok","title":"Yes 👍"}},{"type":"reply","reply":{"id":"damaged","title":"No, damaged"}},
                                  {"type":"reply","reply":{"id":"missing","title":"Not arrived"}}]}}}
            """),
        new("interactive/button", "document header by link with filename", """
            {"interactive":{"type":"button","header":{"type":"document","document":{"link":"https://cdn.example.com/q/quote-77.pdf","filename":"quote-77.pdf"}},
             "body":{"text":"Here is your quote. Accept it?"},"action":{"buttons":[{"type":"reply","reply":{"id":"accept","title":"Accept"}}]}}}
            """),
        new("interactive/button", "video header", """
            {"interactive":{"header":{"type":"video","video":{"link":"https://cdn.example.com/v/setup.mp4"}},"body":{"text":"Did the setup video help?"},
             "action":{"buttons":[{"type":"reply","reply":{"id":"yes","title":"Yes"}},{"type":"reply","reply":{"id":"no","title":"No"}}]}}}
            """),
        new("interactive/list", "several sections, interactive.type left out", """
            {"interactive":{"header":{"type":"text","text":"Shipping options"},"body":{"text":"Choose how fast you need it."},
             "action":{"button":"See options","sections":[
               {"title":"Standard","rows":[{"id":"ship-std","title":"Standard","description":"3-5 working days"}]},
               {"title":"Fast","rows":[{"id":"ship-next","title":"Next day","description":"Order by 18:00"},
                                       {"id":"ship-same","title":"Same day","description":"London only"}]}]}}}
            """),
        new("interactive/list", "one section without title, footer", """
            {"type":"interactive","interactive":{"type":"list","body":{"text":"Pick a branch."},"footer":{"text":"Open 9-17"},
             "action":{"button":"Branches","sections":[{"rows":[{"id":"b-1","title":"Camden"},{"id":"b-2","title":"Soho"}]}]}}}
            """),
        new("interactive/cta_url", "text header", """
            {"interactive":{"type":"cta_url","header":{"type":"text","text":"Order AB123"},"body":{"text":"Track your parcel in real time."},
             "footer":{"text":"Example Ltd"},"action":{"name":"cta_url","parameters":{"display_text":"Track parcel","url":"https://track.example.com/AB123"}}}}
            """),
        new("interactive/cta_url", "image header, type left out", """
            {"interactive":{"header":{"type":"image","image":{"link":"https://cdn.example.com/p/sku-88.jpg?v=3"}},"body":{"text":"Back in stock."},
             "action":{"name":"cta_url","parameters":{"display_text":"Shop now","url":"https://shop.example.com/sku-88"}}}}
            """),
        new("interactive/product", "single product", """
            {"interactive":{"type":"product","body":{"text":"This one matches your search."},
             "action":{"catalog_id":"556677889900","product_retailer_id":"SKU-88"}}}
            """),
        new("interactive/product", "no body, type left out", """
            {"interactive":{"footer":{"text":"Example Ltd"},"action":{"catalog_id":"556677889900","product_retailer_id":"SKU-89"}}}
            """),
        new("interactive/product_list", "two sections", """
            {"interactive":{"type":"product_list","header":{"type":"text","text":"Picked for you"},
             "body":{"text":"Three mugs and two plates from the spring range."},
             "action":{"catalog_id":"556677889900","sections":[
               {"title":"Mugs","product_items":[{"product_retailer_id":"SKU-88"},{"product_retailer_id":"SKU-89"},{"product_retailer_id":"SKU-90"}]},
               {"title":"Plates","product_items":[{"product_retailer_id":"SKU-201"},{"product_retailer_id":"SKU-202"}]}]}}}
            """),
        new("interactive/catalog_message", "with thumbnail", """
            {"interactive":{"type":"catalog_message","body":{"text":"Browse the full spring catalogue."},
             "action":{"name":"catalog_message","parameters":{"thumbnail_product_retailer_id":"SKU-88"}}}}
            """),
        new("interactive/catalog_message", "without parameters, footer", """
            {"interactive":{"body":{"text":"Browse our catalogue."},"footer":{"text":"Example Ltd"},"action":{"name":"catalog_message"}}}
            """),
        new("interactive/carousel", "media cards with URL buttons", """
            {"interactive":{"type":"carousel","body":{"text":"New this week:"},"action":{"cards":[
              {"card_index":0,"type":"cta_url","header":{"type":"image","image":{"link":"https://cdn.example.com/mug.jpg"}},
               "body":{"text":"*Blue mug*\n350 ml stoneware"},
               "action":{"name":"cta_url","parameters":{"display_text":"Buy now","url":"https://shop.example.com/mug"}}},
              {"card_index":1,"type":"cta_url","header":{"type":"image","image":{"link":"https://cdn.example.com/plate.jpg"}},
               "body":{"text":"*Side plate*\n20 cm"},
               "action":{"name":"cta_url","parameters":{"display_text":"Buy now","url":"https://shop.example.com/plate"}}}]}}}
            """),
        new("interactive/carousel", "video cards with quick replies, type left out", """
            {"interactive":{"body":{"text":"Which class suits you?"},"action":{"cards":[
              {"card_index":0,"type":"cta_url","header":{"type":"video","video":{"id":"hub-media-yoga-1"}},"body":{"text":"Morning yoga"},
               "action":{"buttons":[{"type":"quick_reply","quick_reply":{"id":"yoga-book","title":"Book"}},{"type":"quick_reply","quick_reply":{"id":"yoga-info","title":"More info"}}]}},
              {"card_index":1,"type":"cta_url","header":{"type":"video","video":{"id":"hub-media-spin-1"}},"body":{"text":"Evening spin"},
               "action":{"buttons":[{"type":"quick_reply","quick_reply":{"id":"spin-book","title":"Book"}},{"type":"quick_reply","quick_reply":{"id":"spin-info","title":"More info"}}]}},
              {"card_index":2,"type":"cta_url","header":{"type":"video","video":{"id":"hub-media-pilates-1"}},
               "action":{"buttons":[{"type":"quick_reply","quick_reply":{"id":"pil-book","title":"Book"}},{"type":"quick_reply","quick_reply":{"id":"pil-info","title":"More info"}}]}}]}}}
            """),
        new("interactive/carousel", "product cards", """
            {"interactive":{"type":"carousel","body":{"text":"Which do you prefer?"},"action":{"cards":[
              {"card_index":0,"type":"product","action":{"product_retailer_id":"SKU-88","catalog_id":"556677889900"}},
              {"card_index":1,"type":"product","action":{"product_retailer_id":"SKU-89","catalog_id":"556677889900"}}]}}}
            """),
        new("interactive/location_request_message", "send location", """
            {"interactive":{"type":"location_request_message","body":{"text":"Share your pickup point so the driver can find you."},
             "action":{"name":"send_location"}}}
            """),
        new("interactive/address_message", "India with prefilled values", """
            {"interactive":{"type":"address_message","body":{"text":"Where should we deliver your order?"},
             "action":{"name":"address_message","parameters":{"country":"IN","values":{"name":"Asha Rao","phone_number":"+919800000001",
               "in_pin_code":"560001","city":"Bengaluru","state":"Karnataka"}}}}}
            """),
        new("interactive/flow", "by id, navigate", """
            {"interactive":{"type":"flow","header":{"type":"text","text":"Book a repair"},"body":{"text":"Pick a date and time that suits you."},
             "footer":{"text":"Takes about 1 minute"},"action":{"name":"flow","parameters":{"flow_message_version":"3","flow_token":"case-77812",
               "flow_id":"1122334455667788","flow_cta":"Book now","flow_action":"navigate",
               "flow_action_payload":{"screen":"PICK_SLOT","data":{"postcode":"SE1 7PB"}}}}}}
            """),
        new("interactive/flow", "by name, data_exchange, draft, type left out", """
            {"interactive":{"body":{"text":"Tell us about the fault."},"action":{"name":"flow","parameters":{"flow_message_version":"3",
               "flow_name":"repair_intake","flow_cta":"Start","flow_action":"data_exchange","mode":"draft"}}}}
            """),
        new("interactive/call_permission_request", "body only", """
            {"interactive":{"type":"call_permission_request","body":{"text":"May our engineer call you about case 77812?"},
             "action":{"name":"call_permission_request"}}}
            """),
        new("interactive/voice_call", "with parameters", """
            {"interactive":{"type":"voice_call","body":{"text":"Prefer to talk? Tap to call our support line."},
             "action":{"name":"voice_call","parameters":{"display_text":"Call support","ttl_minutes":1440,"payload":"case-77812"}}}}
            """),
        new("interactive/order_details", "digital goods by Razorpay", """
            {"interactive":{"type":"order_details","body":{"text":"Your order #BM345A is ready for payment."},
             "action":{"name":"review_and_pay","parameters":{"reference_id":"BM345A-1","type":"digital-goods","currency":"INR",
               "total_amount":{"value":59000,"offset":100},
               "payment_settings":[{"type":"payment_gateway","payment_gateway":{"type":"razorpay","configuration_name":"main-razorpay",
                 "razorpay":{"receipt":"rcpt-345","notes":{"crm_id":"C-88"}}}}],
               "order":{"status":"pending","items":[{"retailer_id":"PLAN-GOLD","name":"Gold plan (1 month)","amount":{"value":50000,"offset":100},"quantity":1}],
                 "subtotal":{"value":50000,"offset":100},"tax":{"value":9000,"offset":100}}}}}}
            """),
        new("interactive/order_details", "physical goods by PayU, shipping and discount, type left out", """
            {"interactive":{"header":{"type":"text","text":"Order 7781"},"body":{"text":"Two kurtas, delivered to your door."},"footer":{"text":"Pay within 1 hour"},
             "action":{"name":"review_and_pay","parameters":{"reference_id":"ORD-7781.a","type":"physical-goods","currency":"INR",
               "beneficiaries":[{"name":"Asha Rao","address_line1":"12 MG Road","city":"Bengaluru","state":"Karnataka","country":"India","postal_code":"560001"}],
               "total_amount":{"value":243000,"offset":100},
               "payment_settings":[{"type":"payment_gateway","payment_gateway":{"type":"payu","configuration_name":"payu-live","payu":{"udf1":"crm-88"}}}],
               "order":{"status":"pending","items":[{"retailer_id":"KURTA-M","name":"Cotton kurta (M)","amount":{"value":120000,"offset":100},"sale_amount":{"value":110000,"offset":100},"quantity":2}],
                 "subtotal":{"value":220000,"offset":100},"tax":{"value":26400,"offset":100},"shipping":{"value":5000,"offset":100},
                 "discount":{"value":8400,"offset":100,"description":"First order"}}}}}}
            """),
        new("interactive/order_status", "captured", """
            {"interactive":{"type":"order_status","body":{"text":"Payment received. Thank you!"},
             "action":{"name":"review_order","parameters":{"reference_id":"BM345A-1","order":{"status":"captured","description":"Paid by UPI"}}}}}
            """),
    ];
}
