using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Messaging;

namespace WhatsAppHub.Functions.Workflows;

/// <summary>
/// The <c>send-message</c> effect: <c>{phoneNumberId, message}</c> goes through the queued send path exactly as a
/// <c>POST /api/messages</c> would, with the deterministic <see cref="AcceptKey"/> <c>workflow:{effectId}</c>: its
/// <c>IDEM</c> row (insert-if-absent) claims the message id before anything is queued, so a repeated transition finds
/// the message it already accepted and never sends twice.
/// </summary>
public sealed class SendMessageEffect(AcceptMessageHandler accept) : IWorkflowEffect
{
    public const string Name = "send-message";
    private const string Route = "workflow";

    public string Kind => Name;

    public async Task<WorkflowEffectResult> RunAsync(string effectId, JsonObject payload, CancellationToken cancellationToken)
    {
        if (payload["message"] is not JsonObject message) return new WorkflowEffectResult(false, "The effect names no message.");
        var cloudApi = message.DeepClone().AsObject();
        if (payload["phoneNumberId"] is JsonValue sender && sender.TryGetValue<string>(out var phoneNumberId))
            cloudApi[OutboundMessageReader.SenderMember] = phoneNumberId;
        var body = Encoding.UTF8.GetBytes(cloudApi.ToJsonString());
        var (outbound, errors) = OutboundMessageReader.Default.Read(body);
        if (outbound is null) return new WorkflowEffectResult(false, "Refused: " + string.Join(" ", errors.Select(e => $"{e.Path}: {e.Message}")));

        // The key is claimed before anything is queued: the same effect id always names the same message.
        var (stored, problem) = await accept.AcceptAsync(outbound, new AcceptKey("workflow:" + effectId, Route, body), null, cancellationToken);
        return stored is not null ? new WorkflowEffectResult(true, stored.Id) : new WorkflowEffectResult(false, "Refused: " + Describe(problem!));
    }

    private static string Describe(IResult problem) => problem is IValueHttpResult { Value: ProblemDetails details }
        ? details.Detail ?? details.Title ?? "refused"
        : "refused";
}
