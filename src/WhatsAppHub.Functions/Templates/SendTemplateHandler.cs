using System.Text;
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
public sealed class SendTemplateHandler(WabaResolver wabas, TemplateStore store, AcceptMessageHandler accept, HubOptions options)
{
    private static readonly HashSet<string> Envelope = ["to", "recipient_type", "language", OutboundMessageReader.SenderMember, .. EnvelopeRules.Members];
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

        // Templates belong to the account of the number that sends them.
        var (wabaId, wabaProblem) = await wabas.ForPhoneNumberAsync(sender ?? options.Eum.DefaultPhoneNumberId, cancellationToken);
        if (wabaProblem is not null) return wabaProblem;
        if (await store.GetAsync(wabaId!, name, language, cancellationToken) is not { } row)
            return errors.IsEmpty ? TemplateEndpoints.NotFound(name, language) : HubProblems.Validation(errors.All);
        var template = TemplateRecord.From(row);
        if (template.DefinitionJson is null)
            return HubProblems.Conflict("template-definition-missing", "The hub has no definition of the template.",
                $"The row of template '{name}' ({language}) holds no definition to bind values to; POST /api/templates/sync reads it from EUM.");
        var wrongCategory = authentication && template.Category != "AUTHENTICATION";
        if (wrongCategory)
            errors.Add("route.name", "category",
                $"Template '{name}' is {template.Category ?? "of no known category"}; this route sends AUTHENTICATION templates only (use POST /api/templates/{name}/send).");
        // A bad request is named in full first; the template's state is the next thing to fix.
        var bound = wrongCategory ? null : Bind(template.DefinitionJson, json, authentication, errors);
        if (bound is null || !errors.IsEmpty) return HubProblems.Validation(errors.All);
        if (!TemplateStatus.IsSendable(template.Status)) return HubProblems.TemplateNotSendable(name, language, template.Status ?? "of unknown status");

        // The message goes through the same reader as /api/messages, so what is queued is exactly what that route queues.
        var cloudApi = new JsonObject { ["type"] = "template", ["template"] = bound };
        foreach (var member in (string[])["to", "recipient_type", OutboundMessageReader.SenderMember, .. EnvelopeRules.Members])
            if (json[member] is { } value) cloudApi[member] = value.DeepClone();
        var (message, messageErrors) = OutboundMessageReader.Default.Read(Encoding.UTF8.GetBytes(cloudApi.ToJsonString()));
        if (message is null) return HubProblems.Validation(messageErrors);
        return await accept.HandleAsync(request, message, body.Bytes, $"templates/{name}/send{(authentication ? "/authentication" : "")}", cancellationToken,
            new TemplateDetails(template.Name, template.Language, template.Category));
    }

    /// <summary>The generic route's <c>values</c> are bound at <c>$.values</c>; the authentication route's <c>code</c> at <c>$.code</c>.</summary>
    private static JsonObject? Bind(string definitionJson, JsonObject json, bool authentication, ValidationErrors errors)
    {
        using var definition = JsonDocument.Parse(definitionJson);
        if (authentication)
        {
            var values = new JsonObject();
            if (json["code"] is { } code) values["code"] = code.DeepClone();
            return TemplateBinder.Bind(definition.RootElement, Element(values), JsonPath.Root, errors);
        }
        var given = json["values"] is { } node ? Element(node) : default;
        return TemplateBinder.Bind(definition.RootElement, given, JsonPath.Member(JsonPath.Root, "values"), errors);
    }

    private static JsonElement Element(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }
}
