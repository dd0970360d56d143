using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Messaging;
using WhatsAppHub.Functions.Templates;

namespace WhatsAppHub.Functions.Workflows;

/// <summary>
/// The <c>send-template</c> effect: <c>{phoneNumberId, to, template: {name, language, values?}}</c>. The stored
/// template is found and its values bound at send time (<see cref="TemplateMessages"/>, as
/// <c>/api/templates/{name}/send</c> does: a template paused since the sequence was written is refused, not sent),
/// then the message is accepted with the deterministic key <c>workflow:{effectId}</c>, so it is sent once.
/// </summary>
public sealed class SendTemplateEffect(TemplateMessages templates, AcceptMessageHandler accept) : IWorkflowEffect
{
    public const string Name = "send-template";
    private const string Route = "workflow";

    public string Kind => Name;

    public async Task<WorkflowEffectResult> RunAsync(string effectId, JsonObject payload, CancellationToken cancellationToken)
    {
        if (payload["template"] is not JsonObject step || step["name"] is not JsonValue name || step["language"] is not JsonValue language)
            return new WorkflowEffectResult(false, "The effect names no template.");
        var sender = payload["phoneNumberId"]?.GetValue<string>();
        var (template, problem) = await templates.FindAsync(name.GetValue<string>(), language.GetValue<string>(), sender, cancellationToken);
        if (template is null) return Refused(problem!);
        if (TemplateMessages.RefuseUnsendable(template) is { } unsendable) return Refused(unsendable);

        var envelope = new JsonObject { ["to"] = payload["to"]?.DeepClone(), [Core.Messaging.OutboundMessageReader.SenderMember] = sender };
        var errors = new ValidationErrors();
        using var values = JsonDocument.Parse(step["values"]?.ToJsonString() ?? "{}");
        if (TemplateMessages.Build(template, envelope, values.RootElement, "$.template.values", errors) is not { } message || !errors.IsEmpty)
            return new WorkflowEffectResult(false, "Refused: " + string.Join(" ", errors.All.Select(e => $"{e.Path}: {e.Message}")));

        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        var (stored, refused) = await accept.AcceptAsync(message, new AcceptKey("workflow:" + effectId, Route, body), TemplateMessages.Details(template), cancellationToken);
        return stored is not null ? new WorkflowEffectResult(true, stored.Id) : Refused(refused!);
    }

    private static WorkflowEffectResult Refused(IResult problem) => new(false, "Refused: " + (problem is IValueHttpResult { Value: ProblemDetails details }
        ? details.Detail ?? details.Title ?? "refused"
        : "refused"));
}
