using Microsoft.OpenApi;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Messaging.Content;
using WhatsAppHub.Functions.Templates;

namespace WhatsAppHub.Functions.OpenApi;

/// <summary>
/// Request bodies of the send routes: the envelope every type shares (as <see cref="OutboundMessageReader"/> reads it)
/// plus the content member named by the type.
/// </summary>
internal static class SendBodySchemas
{
    /// <summary>The body of a typed route: <c>type</c> is implied, its content member required.</summary>
    public static OpenApiSchema For(OutboundRoute route) =>
        Envelope(Schema.Enum(route.Type).Describe("Implied by the route; may be left out."), typeRequired: false)
            .Required(route.Type, Content(route.Type, route.InteractiveType).Visibility("important"));

    /// <summary>The body of <c>POST /api/messages</c>: <c>type</c> names which one of the content members is given.</summary>
    public static OpenApiSchema AnyType()
    {
        var types = OutboundMessageReader.Default.SupportedTypes.ToArray();
        var body = Envelope(Schema.Enum(types).Describe("The message type; give the member of the same name."), typeRequired: true);
        foreach (var type in types)
            body.Optional(type, type == "interactive"
                ? Schema.OpenObject("Interactive content (type, header, body, footer, action); the typed routes under /api/messages/interactive/ show each kind's fields.")
                : Content(type, null));
        return body;
    }

    /// <summary>
    /// The body of <c>POST /api/templates/{name}/send</c> (<paramref name="kind"/>: <c>/send/{kind}</c>): the recipient
    /// and the stored template's language, with the values bound to its definition (or the kind's typed members).
    /// </summary>
    public static OpenApiSchema StoredTemplate(TemplateSendKind? kind)
    {
        var body = Schema.Object()
            .Required("to", Schema.String(Math.Max(RecipientRules.MaxPhoneLength, RecipientRules.MaxGroupIdLength),
                description: "The recipient's phone number with country code, or the group id when recipient_type is group.").Visibility("important"))
            .Required("language", Schema.String(6, description: "The locale code of the stored template, such as en_US.").Visibility("important"));
        body = kind is not null
            ? TemplateKindSchemas.AddMembers(body, kind)
            : body.Optional("values", Schema.OpenObject(
                "The template's values: header, body (by name, or an array by position), buttons [{index, value}], expiration_time_ms, cards, tap_target; see docs/capabilities.md."));
        return body
            .Optional(OutboundMessageReader.SenderMember, Schema.String(PhoneNumberId.MaxLength,
                description: "The sending number's EUM phone number id (or ARN); its account holds the template. The hub's default number when left out.").Visibility("advanced"))
            .Optional("recipient_type", Schema.Enum(RecipientRules.Individual, RecipientRules.Group).Describe("individual when left out.").Visibility("advanced"))
            .Optional("context", Schema.Object("Makes the message a reply to an earlier one.")
                .Required("message_id", Schema.String(TokenRules.MaxWamidLength, description: "The wamid replied to.")).Visibility("advanced"))
            .Optional("biz_opaque_callback_data", Schema.String(EnvelopeRules.MaxCallbackDataLength,
                description: "Echoed back in the message's status webhooks.").Visibility("advanced"));
    }

    private static OpenApiSchema Envelope(OpenApiSchema type, bool typeRequired) => Schema.Object()
        .Required("to", Schema.String(Math.Max(RecipientRules.MaxPhoneLength, RecipientRules.MaxGroupIdLength),
                description: $"The recipient's phone number with country code ({RecipientRules.MinDigits}-{RecipientRules.MaxDigits} digits; '+', '-', '(', ')' and spaces allowed), or the group id when recipient_type is group.")
            .Visibility("important"))
        .Member("type", typeRequired ? type : type.Visibility("internal"), typeRequired)
        .Optional(OutboundMessageReader.SenderMember, Schema.String(PhoneNumberId.MaxLength,
            description: "The sending number's EUM phone number id (or ARN); the hub's default number when left out.").Visibility("advanced"))
        .Optional("recipient_type", Schema.Enum(RecipientRules.Individual, RecipientRules.Group).Describe("individual when left out.").Visibility("advanced"))
        .Optional("context", Schema.Object("Makes the message a reply to an earlier one.")
            .Required("message_id", Schema.String(TokenRules.MaxWamidLength, description: "The wamid replied to.")).Visibility("advanced"))
        .Optional("biz_opaque_callback_data", Schema.String(EnvelopeRules.MaxCallbackDataLength,
            description: "Echoed back in the message's status webhooks.").Visibility("advanced"))
        .Optional("messaging_product", Schema.Enum("whatsapp").Visibility("internal"));

    /// <exception cref="ArgumentOutOfRangeException">A type without a schema (a test keeps every route covered).</exception>
    private static OpenApiSchema Content(string type, string? interactiveType) => type switch
    {
        "text" => BasicContentSchemas.Text(),
        _ when MediaContentRules.All.FirstOrDefault(r => r.Type == type) is { } media => BasicContentSchemas.Media(media.Extras),
        "location" => BasicContentSchemas.Location(),
        "contacts" => BasicContentSchemas.Contacts(),
        "reaction" => BasicContentSchemas.Reaction(),
        "template" => TemplateContentSchema.Build(),
        "interactive" when interactiveType is not null => InteractiveContentSchemas.For(interactiveType),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No request schema for this message type."),
    };
}
