namespace WhatsAppHub.Core.Tests.Messaging.Interactive;

/// <summary>
/// The interactive examples of the reference sheet (whatsapp-cloud-api.md §1.7), copied verbatim as test data so the
/// tests do not depend on where the sheet lives. Keys name the interactive type (and the carousel variant).
/// </summary>
public static class ReferenceExamples
{
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["button"] = """
            { "messaging_product": "whatsapp", "recipient_type": "individual", "to": "+447700900123",
              "type": "interactive",
              "interactive": {
                "type": "button",
                "header": { "type": "image", "image": { "id": "1234567890123456" } },
                "body": { "text": "Your delivery slot is Tue 10:00-12:00. Keep it?" },
                "footer": { "text": "Reply within 24 h" },
                "action": { "buttons": [
                  { "type": "reply", "reply": { "id": "slot-keep", "title": "Keep slot" } },
                  { "type": "reply", "reply": { "id": "slot-change", "title": "Change" } } ] } } }
            """,
        ["list"] = """
            { "messaging_product": "whatsapp", "to": "+447700900123", "type": "interactive",
              "interactive": {
                "type": "list",
                "header": { "type": "text", "text": "Shipping options" },
                "body": { "text": "Choose how fast you need it." },
                "action": {
                  "button": "See options",
                  "sections": [
                    { "title": "Standard", "rows": [
                      { "id": "ship-std", "title": "Standard", "description": "3-5 working days" } ] },
                    { "title": "Fast", "rows": [
                      { "id": "ship-next", "title": "Next day", "description": "Order by 18:00" },
                      { "id": "ship-same", "title": "Same day", "description": "London only" } ] } ] } } }
            """,
        ["cta_url"] = """
            { "messaging_product": "whatsapp", "to": "+447700900123", "type": "interactive",
              "interactive": {
                "type": "cta_url",
                "header": { "type": "text", "text": "Order AB123" },
                "body": { "text": "Track your parcel in real time." },
                "footer": { "text": "Example Ltd" },
                "action": { "name": "cta_url",
                            "parameters": { "display_text": "Track parcel",
                                            "url": "https://track.example.com/AB123" } } } }
            """,
        ["product"] = """
            { "messaging_product": "whatsapp", "to": "+447700900123", "type": "interactive",
              "interactive": { "type": "product",
                "body": { "text": "This one matches your search." },
                "action": { "catalog_id": "556677889900", "product_retailer_id": "SKU-88" } } }
            """,
        ["product_list"] = """
            { "messaging_product": "whatsapp", "to": "+447700900123", "type": "interactive",
              "interactive": { "type": "product_list",
                "header": { "type": "text", "text": "Picked for you" },
                "body": { "text": "Three mugs and two plates from the spring range." },
                "action": { "catalog_id": "556677889900", "sections": [
                  { "title": "Mugs", "product_items": [
                    { "product_retailer_id": "SKU-88" }, { "product_retailer_id": "SKU-89" },
                    { "product_retailer_id": "SKU-90" } ] },
                  { "title": "Plates", "product_items": [
                    { "product_retailer_id": "SKU-201" }, { "product_retailer_id": "SKU-202" } ] } ] } } }
            """,
        ["catalog_message"] = """
            { "messaging_product": "whatsapp", "to": "+447700900123", "type": "interactive",
              "interactive": { "type": "catalog_message",
                "body": { "text": "Browse the full spring catalogue." },
                "action": { "name": "catalog_message",
                            "parameters": { "thumbnail_product_retailer_id": "SKU-88" } } } }
            """,
        ["carousel/media"] = """
            { "messaging_product": "whatsapp", "to": "+447700900123", "type": "interactive",
              "interactive": { "type": "carousel",
                "body": { "text": "New this week:" },
                "action": { "cards": [
                  { "card_index": 0, "type": "cta_url",
                    "header": { "type": "image", "image": { "link": "https://cdn.example.com/mug.jpg" } },
                    "body": { "text": "*Blue mug*\n350 ml stoneware" },
                    "action": { "name": "cta_url",
                                "parameters": { "display_text": "Buy now", "url": "https://shop.example.com/mug" } } },
                  { "card_index": 1, "type": "cta_url",
                    "header": { "type": "image", "image": { "link": "https://cdn.example.com/plate.jpg" } },
                    "body": { "text": "*Side plate*\n20 cm" },
                    "action": { "name": "cta_url",
                                "parameters": { "display_text": "Buy now", "url": "https://shop.example.com/plate" } } } ] } } }
            """,
        ["carousel/product"] = """
            { "messaging_product": "whatsapp", "to": "+447700900123", "type": "interactive",
              "interactive": { "type": "carousel", "body": { "text": "Which do you prefer?" },
                "action": { "cards": [
                  { "card_index": 0, "type": "product", "action": { "product_retailer_id": "SKU-88", "catalog_id": "556677889900" } },
                  { "card_index": 1, "type": "product", "action": { "product_retailer_id": "SKU-89", "catalog_id": "556677889900" } } ] } } }
            """,
        ["location_request_message"] = """
            { "messaging_product": "whatsapp", "to": "+447700900123", "type": "interactive",
              "interactive": { "type": "location_request_message",
                "body": { "text": "Share your pickup point so the driver can find you." },
                "action": { "name": "send_location" } } }
            """,
        ["address_message"] = """
            { "messaging_product": "whatsapp", "to": "+919800000001", "type": "interactive",
              "interactive": { "type": "address_message",
                "body": { "text": "Where should we deliver your order?" },
                "action": { "name": "address_message",
                  "parameters": { "country": "IN",
                    "values": { "name": "Asha Rao", "phone_number": "+919800000001", "in_pin_code": "560001",
                                "city": "Bengaluru", "state": "Karnataka" } } } } }
            """,
        ["flow"] = """
            { "messaging_product": "whatsapp", "to": "+447700900123", "type": "interactive",
              "interactive": { "type": "flow",
                "header": { "type": "text", "text": "Book a repair" },
                "body": { "text": "Pick a date and time that suits you." },
                "footer": { "text": "Takes about 1 minute" },
                "action": { "name": "flow", "parameters": {
                  "flow_message_version": "3",
                  "flow_token": "case-77812",
                  "flow_id": "1122334455667788",
                  "flow_cta": "Book now",
                  "flow_action": "navigate",
                  "flow_action_payload": { "screen": "PICK_SLOT", "data": { "postcode": "SE1 7PB" } } } } } }
            """,
        ["call_permission_request"] = """
            { "messaging_product": "whatsapp", "recipient_type": "individual", "to": "+447700900123",
              "type": "interactive",
              "interactive": { "type": "call_permission_request",
                "body": { "text": "May our engineer call you about case 77812?" },
                "action": { "name": "call_permission_request" } } }
            """,
        ["voice_call"] = """
            { "messaging_product": "whatsapp", "to": "+447700900123", "type": "interactive",
              "interactive": { "type": "voice_call",
                "body": { "text": "Prefer to talk? Tap to call our support line." },
                "action": { "name": "voice_call",
                            "parameters": { "display_text": "Call support", "ttl_minutes": 1440, "payload": "case-77812" } } } }
            """,
        ["order_details"] = """
            { "messaging_product": "whatsapp", "recipient_type": "individual", "to": "+919800000001",
              "type": "interactive",
              "interactive": { "type": "order_details",
                "body": { "text": "Your order #BM345A is ready for payment." },
                "action": { "name": "review_and_pay", "parameters": {
                  "reference_id": "BM345A-1", "type": "digital-goods", "currency": "INR",
                  "total_amount": { "value": 59000, "offset": 100 },
                  "payment_settings": [ { "type": "payment_gateway",
                    "payment_gateway": { "type": "razorpay", "configuration_name": "main-razorpay",
                                         "razorpay": { "receipt": "rcpt-345", "notes": { "crm_id": "C-88" } } } } ],
                  "order": { "status": "pending",
                    "items": [ { "retailer_id": "PLAN-GOLD", "name": "Gold plan (1 month)",
                                 "amount": { "value": 50000, "offset": 100 }, "quantity": 1 } ],
                    "subtotal": { "value": 50000, "offset": 100 },
                    "tax": { "value": 9000, "offset": 100 } } } } } }
            """,
        ["order_status"] = """
            { "messaging_product": "whatsapp", "to": "+919800000001", "type": "interactive",
              "interactive": { "type": "order_status",
                "body": { "text": "Payment received. Thank you!" },
                "action": { "name": "review_order", "parameters": {
                  "reference_id": "BM345A-1", "order": { "status": "captured", "description": "Paid by UPI" } } } } }
            """,
    };
}
