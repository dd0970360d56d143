using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Templates;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Messaging;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Templates;

/// <summary>
/// Sends a stored template: <c>POST /api/templates/{name}/send</c> takes <c>{to, language, values?, phoneNumberId?}</c>
/// (plus the envelope members <c>biz_opaque_callback_data</c> and <c>context</c>), finds the TEMPLATE_DEFINITION row in
/// the account of the sending number, refuses a template that is not sendable, binds the values with
/// <see cref="TemplateBinder"/> and hands the built message to the queued send path, which answers as
/// <c>/api/messages</c> does. The authentication route takes <c>code</c> in place of <c>values</c>. Every refusal comes
/// before EUM is called, so a wrong value never costs a send Meta would reject.
/// </summary>
public sealed class SendTemplateHandler(TemplateMessages templates, AcceptMessageHandler accept)
{
    private static readonly HashSet<string> Envelope = ["language", .. TemplateMessages.EnvelopeMembers];
    private static readonly HashSet<string> GenericMembers = [.. Envelope, "values"];
    private static readonly HashSet<string> AuthenticationMembers = [.. Envelope, "code"];

    public Task<IResult> SendAsync(string name, HttpRequest request, CancellationToken cancellationToken) =>
        HandleAsync(name, request, authentication: false, cancellationToken);

    /// <summary><c>POST /api/templates/{name}/send/authentication</c>: the one-time <c>code</c> fills the body and the OTP button.</summary>
    public Task<IResult> SendAuthenticationAsync(string name, HttpRequest request, CancellationToken cancellationToken) =>
        HandleAsync(name, request, authentication: true, cancellationToken);

    private async Task<IResult> HandleAsync(string name, HttpRequest request, bool authentication, CancellationToken cancellationToken)
    {
        const string root = JsonPath.Root;
        var errors = new ValidationErrors();
        TemplateNames.CheckRouteName(name, errors);
        var body = await RequestBody.ReadAsync(request, MessageEndpoints.MaxBodyBytes, cancellationToken);
        if (body.Problem is not null) return body.Problem;
        var json = JsonBody.ParseObject(body.Bytes.Span, errors);
        if (json is null) return HubProblems.Validation(errors.All);

        JsonRules.OnlyKnownMembers(json, root, errors, authentication ? AuthenticationMembers : GenericMembers);
        var recipientType = RecipientRules.ReadType(json, root, errors);
        RecipientRules.ReadTo(json, root, recipientType, errors);
        EnvelopeRules.Validate(json, root, errors);
        var language = JsonRules.String(json, "language", root, errors, required: true, minLength: 1);
        if (language is not null && !TemplateNames.IsLanguage(language))
        {
            errors.Add(JsonPath.Member(root, "language"), "pattern", "'language' must be the locale code of a stored template, such as en or en_US.");
            language = null;
        }
        var sender = JsonRules.String(json, OutboundMessageReader.SenderMember, root, errors, required: false);
        if (sender is not null && !PhoneNumberId.IsValid(sender))
        {
            errors.Add(JsonPath.Member(root, OutboundMessageReader.SenderMember), "pattern",
                $"'{OutboundMessageReader.SenderMember}' must be an EUM phone number id ('phone-number-id-…') or its ARN, at most {PhoneNumberId.MaxLength} characters.");
            sender = null;
        }
        if (language is null || !TemplateNames.IsName(name) || json.ContainsKey(OutboundMessageReader.SenderMember) && sender is null)
            return HubProblems.Validation(errors.All); // nothing to look the template up by

        var (template, problem) = await templates.FindAsync(name, language, sender, cancellationToken);
        if (template is null) return errors.IsEmpty ? problem! : HubProblems.Validation(errors.All);
        var wrongCategory = authentication && template.Category != "AUTHENTICATION";
        if (wrongCategory)
            errors.Add("route.name", "category",
                $"Template '{name}' is {template.Category ?? "of no known category"}; this route sends AUTHENTICATION templates only (use POST /api/templates/{name}/send).");
        // A bad request is named in full first; the template's state is the next thing to fix.
        var message = wrongCategory ? null : Build(template, json, authentication, errors);
        if (message is null || !errors.IsEmpty) return HubProblems.Validation(errors.All);
        if (TemplateMessages.RefuseUnsendable(template) is { } refused) return refused;
        return await accept.HandleAsync(request, message, body.Bytes, $"templates/{name}/send{(authentication ? "/authentication" : "")}", cancellationToken,
            TemplateMessages.Details(template));
    }

    /// <summary>The generic route's <c>values</c> are bound at <c>$.values</c>; the authentication route's <c>code</c> at <c>$.code</c>.</summary>
    private static OutboundMessage? Build(TemplateRecord template, JsonObject json, bool authentication, ValidationErrors errors)
    {
        if (authentication)
        {
            var values = new JsonObject();
            if (json["code"] is { } code) values["code"] = code.DeepClone();
            return TemplateMessages.Build(template, json, Element(values), JsonPath.Root, errors);
        }
        var given = json["values"] is { } node ? Element(node) : default;
        return TemplateMessages.Build(template, json, given, JsonPath.Member(JsonPath.Root, "values"), errors);
    }

    private static JsonElement Element(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }
}
