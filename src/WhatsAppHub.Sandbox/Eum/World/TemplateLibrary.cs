using System.Text.Json.Nodes;

namespace WhatsAppHub.Sandbox.Eum.World;

/// <summary>
/// A few entries of Meta's template library (MetaLibraryTemplateDefinition), invented in the style of
/// Meta's utility and authentication library templates, to list, filter and create templates from.
/// </summary>
public static class TemplateLibrary
{
    public static IReadOnlyList<JsonObject> All() =>
    [
        Entry("delivery_update_1", "en_US", "UTILITY", "ORDER_MANAGEMENT", "SHIPMENT_UPDATE", ["E_COMMERCE"],
            "Your order is on its way",
            "Good news {{1}}! Your order {{2}} has shipped and should arrive by {{3}}.",
            ["Maria", "#12345", "Friday"],
            [Button("URL", "Track package", url: "https://www.example.com/track/{{1}}")],
            "1000000000000001"),
        Entry("appointment_reminder_2", "en_US", "UTILITY", "APPOINTMENTS", "APPOINTMENT_REMINDER", ["HEALTH", "BEAUTY_AND_WELLNESS"],
            null,
            "Hi {{1}}, this is a reminder of your appointment at {{2}} on {{3}}. Reply to reschedule.",
            ["Sam", "Riverside Clinic", "Monday 10:00"],
            [Button("QUICK_REPLY", "Confirm"), Button("QUICK_REPLY", "Reschedule")],
            "1000000000000002"),
        Entry("payment_reminder_1", "en_US", "UTILITY", "PAYMENTS", "PAYMENT_REMINDER", ["FINANCIAL_SERVICES", "E_COMMERCE"],
            "Payment reminder",
            "Hi {{1}}, your payment of {{2}} for invoice {{3}} is due on {{4}}.",
            ["Alex", "$42.00", "INV-0042", "March 3"],
            [Button("URL", "Pay now", url: "https://www.example.com/pay/{{1}}"), Button("PHONE_NUMBER", "Call us", phoneNumber: "+15550100199")],
            "1000000000000003"),
        Entry("verification_code_1", "en_US", "AUTHENTICATION", "ACCOUNT_UPDATES", "VERIFICATION", ["E_COMMERCE", "FINANCIAL_SERVICES"],
            null,
            "{{1}} is your verification code. For your security, do not share this code.",
            ["123456"],
            [Button("OTP", "Copy code", otpType: "COPY_CODE")],
            "1000000000000004"),
        Entry("order_confirmation_3", "pt_BR", "UTILITY", "ORDER_MANAGEMENT", "ORDER_CONFIRMATION", ["E_COMMERCE"],
            "Pedido confirmado",
            "Olá {{1}}, recebemos o seu pedido {{2}}. Avisaremos quando for enviado.",
            ["Ana", "#98765"],
            [],
            "1000000000000005"),
    ];

    private static JsonObject Entry(string name, string language, string category, string topic, string useCase, string[] industries,
        string? header, string body, string[] exampleParams, JsonObject[] buttons, string id)
    {
        var json = new JsonObject
        {
            ["templateName"] = name,
            ["templateLanguage"] = language,
            ["templateCategory"] = category,
            ["templateTopic"] = topic,
            ["templateUseCase"] = useCase,
            ["templateIndustry"] = new JsonArray(industries.Select(i => (JsonNode)JsonValue.Create(i)).ToArray()),
            ["templateBody"] = body,
            ["templateButtons"] = new JsonArray(buttons.Select(b => (JsonNode)b).ToArray()),
            ["templateId"] = id,
            ["templateBodyExampleParams"] = new JsonArray(exampleParams.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
        };
        if (header is not null)
        {
            json["templateHeader"] = header;
        }
        return json;
    }

    private static JsonObject Button(string type, string text, string? url = null, string? phoneNumber = null, string? otpType = null)
    {
        var json = new JsonObject { ["type"] = type, ["text"] = text };
        if (url is not null)
        {
            json["url"] = url;
        }
        if (phoneNumber is not null)
        {
            json["phoneNumber"] = phoneNumber;
        }
        if (otpType is not null)
        {
            json["otpType"] = otpType;
        }
        return json;
    }
}
