using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Templates;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Templates;

/// <summary>
/// Turns a stored template and a caller's values into a message for the send path: finds the TEMPLATE_DEFINITION row in
/// the account of the sending number, binds the values with <see cref="TemplateBinder"/>, and reads the result through
/// <see cref="OutboundMessageReader"/>, so what is queued is exactly what <c>/api/messages</c> would queue. The template
/// send routes and campaigns share it: a campaign finds its template once and builds one message per recipient.
/// </summary>
public sealed class TemplateMessages(WabaResolver wabas, TemplateStore store, HubOptions options)
{
    /// <summary>The members a template send copies from the caller's envelope onto the message.</summary>
    public static readonly string[] EnvelopeMembers = ["to", "recipient_type", OutboundMessageReader.SenderMember, .. EnvelopeRules.Members];

    /// <summary>The template <paramref name="name"/> in <paramref name="language"/> of the sender's account, or why not (404, 409).</summary>
    public async Task<(TemplateRecord? Template, IResult? Problem)> FindAsync(string name, string language, string? senderPhoneNumberId,
        CancellationToken cancellationToken)
    {
        // Templates belong to the account of the number that sends them.
        var (wabaId, wabaProblem) = await wabas.ForPhoneNumberAsync(senderPhoneNumberId ?? options.Eum.DefaultPhoneNumberId, cancellationToken);
        if (wabaProblem is not null) return (null, wabaProblem);
        if (await store.GetAsync(wabaId!, name, language, cancellationToken) is not { } row) return (null, TemplateEndpoints.NotFound(name, language));
        var template = TemplateRecord.From(row);
        return template.DefinitionJson is null
            ? (null, HubProblems.Conflict("template-definition-missing", "The hub has no definition of the template.",
                $"The row of template '{name}' ({language}) holds no definition to bind values to; POST /api/templates/sync reads it from EUM."))
            : (template, null);
    }

    /// <summary>422 when Meta would not send the template in its current status (paused, disabled, not approved), else null.</summary>
    public static IResult? RefuseUnsendable(TemplateRecord template) =>
        TemplateStatus.IsSendable(template.Status) ? null
            : HubProblems.TemplateNotSendable(template.Name, template.Language, template.Status ?? "of unknown status");

    /// <summary>
    /// Binds <paramref name="values"/> (reported under <paramref name="valuesPath"/>) and builds the message with the
    /// <see cref="EnvelopeMembers"/> of <paramref name="envelope"/>; null when <paramref name="errors"/> gained entries.
    /// </summary>
    public static OutboundMessage? Build(TemplateRecord template, JsonObject envelope, JsonElement values, string valuesPath, ValidationErrors errors)
    {
        using var definition = JsonDocument.Parse(template.DefinitionJson!);
        if (TemplateBinder.Bind(definition.RootElement, values, valuesPath, errors) is not { } bound) return null;
        var cloudApi = new JsonObject { ["type"] = "template", ["template"] = bound };
        foreach (var member in EnvelopeMembers)
            if (envelope[member] is { } value) cloudApi[member] = value.DeepClone();
        var (message, messageErrors) = OutboundMessageReader.Default.Read(Encoding.UTF8.GetBytes(cloudApi.ToJsonString()));
        foreach (var error in messageErrors) errors.Add(error.Path, error.Rule, error.Message);
        return message;
    }

    /// <summary>
    /// What a message built from <paramref name="template"/> records on its MESSAGE row (and its MARKETING_MESSAGE or
    /// AUTH_MESSAGE row: an authentication template's code expiry is read from its definition).
    /// </summary>
    public static TemplateDetails Details(TemplateRecord template, string? campaignId = null) =>
        new(template.Name, template.Language, template.Category, campaignId,
            template.Category == TemplateDefinitionRules.Authentication && template.DefinitionJson is { } definition
                ? TemplateShape.Read(definition).CodeExpirationMinutes
                : null);
}
