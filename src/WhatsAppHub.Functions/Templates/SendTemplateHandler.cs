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
/// <c>/api/messages</c> does. The typed routes <c>/send/{kind}</c> (<see cref="TemplateSendKinds"/>) take their kind's
/// members in place of <c>values</c>, turned into values by <see cref="TypedTemplateValues"/>, and send only templates of
/// that kind. Every refusal comes before EUM is called, so a wrong value never costs a send Meta would reject.
/// </summary>
public sealed class SendTemplateHandler(TemplateMessages templates, AcceptMessageHandler accept, TimeProvider clock)
{
    private static readonly HashSet<string> Envelope = ["language", .. TemplateMessages.EnvelopeMembers];
    private static readonly HashSet<string> GenericMembers = [.. Envelope, "values"];
    private static readonly Dictionary<string, HashSet<string>> KindMembers =
        TemplateSendKinds.All.ToDictionary(k => k.Route, k => new HashSet<string>([.. Envelope, .. k.Members]), StringComparer.Ordinal);

    public Task<IResult> SendAsync(string name, HttpRequest request, CancellationToken cancellationToken) =>
        HandleAsync(name, request, kind: null, cancellationToken);

    /// <summary><c>POST /api/templates/{name}/send/{kind}</c>: the kind's typed members fill the template of that kind.</summary>
    public Task<IResult> SendKindAsync(string name, TemplateSendKind kind, HttpRequest request, CancellationToken cancellationToken) =>
        HandleAsync(name, request, kind, cancellationToken);

    private async Task<IResult> HandleAsync(string name, HttpRequest request, TemplateSendKind? kind, CancellationToken cancellationToken)
    {
        const string root = JsonPath.Root;
        var errors = new ValidationErrors();
        TemplateNames.CheckRouteName(name, errors);
        var body = await RequestBody.ReadAsync(request, MessageEndpoints.MaxBodyBytes, cancellationToken);
        if (body.Problem is not null) return body.Problem;
        var json = JsonBody.ParseObject(body.Bytes.Span, errors);
        if (json is null) return HubProblems.Validation(errors.All);

        JsonRules.OnlyKnownMembers(json, root, errors, kind is null ? GenericMembers : KindMembers[kind.Route]);
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
        var shape = kind is null ? null : TemplateShape.Read(template.DefinitionJson!);
        var mismatch = kind is null ? null : kind.Mismatch(shape!);
        if (mismatch is not null)
        {
            var suggested = TemplateSendKinds.Suggest(shape!);
            errors.Add("route.name", "kind",
                $"Template '{name}' is {TemplateSendKinds.Describe(shape!)}; this route sends {mismatch} only "
                + $"(use POST /api/templates/{name}/send{(suggested.Length == 0 || suggested == kind!.Route ? "" : "/" + suggested)}).");
        }
        // A bad request is named in full first; the template's state is the next thing to fix.
        var message = mismatch is not null ? null : kind is null ? BuildGeneric(template, json, errors) : BuildTyped(template, shape!, kind, json, errors);
        if (message is null || !errors.IsEmpty) return HubProblems.Validation(errors.All);
        if (TemplateMessages.RefuseUnsendable(template) is { } refused) return refused;
        return await accept.HandleAsync(request, message, body.Bytes, $"templates/{name}/send{(kind is null ? "" : "/" + kind.Route)}", cancellationToken,
            TemplateMessages.Details(template));
    }

    /// <summary>The generic route's <c>values</c> are bound at <c>$.values</c>.</summary>
    private static OutboundMessage? BuildGeneric(TemplateRecord template, JsonObject json, ValidationErrors errors)
    {
        var given = json["values"] is { } node ? Element(node) : default;
        return TemplateMessages.Build(template, json, given, JsonPath.Member(JsonPath.Root, "values"), errors);
    }

    /// <summary>A typed route's members become values bound at the root; the binder's paths are turned back into the members'.</summary>
    private OutboundMessage? BuildTyped(TemplateRecord template, TemplateShape shape, TemplateSendKind kind, JsonObject json, ValidationErrors errors)
    {
        var typed = new TypedTemplateValues(json, shape, errors, clock.GetUtcNow());
        kind.Map(typed);
        var bound = new ValidationErrors();
        var message = TemplateMessages.Build(template, json, Element(typed.Values), JsonPath.Root, bound);
        foreach (var error in typed.Rewrite(bound.All)) errors.Add(error.Path, error.Rule, error.Message);
        return message;
    }

    private static JsonElement Element(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }
}
