using System.Text.Json.Nodes;
using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Privacy;
using WhatsAppHub.Core.Workflows.Welcome;
using WhatsAppHub.Functions.Inbound;
using WhatsAppHub.Functions.Templates;

namespace WhatsAppHub.Functions.Workflows.Welcome;

/// <summary>
/// What a contact's message means to workflows, called by the <c>inbound</c> handler once the message is stored: a
/// message with a Click-to-WhatsApp <c>referral</c>, or a <c>request_welcome</c>, starts the welcome sequence of its ad
/// (else the account's default); any other message is the contact's reply, signalled to whatever waits for it.
/// Both are idempotent (the start is keyed by the wamid, a repeated signal finds its step gone), so an inbound event
/// handled twice changes nothing more.
/// </summary>
public sealed class InboundWorkflowSignals(WelcomeSequenceStore sequences, WabaResolver wabas, WorkflowRunner runner, ILogger<InboundWorkflowSignals> logger)
{
    public async Task ApplyAsync(EumEvent evt, InboundMessage message, CancellationToken cancellationToken)
    {
        if (message.GroupId is not null || evt.EumPhoneNumberFor(message.MetaPhoneNumberId) is not { } arn) return;
        var waId = RecipientRules.ToWaId(message.From);
        if (waId.Length is 0 or > InboundMessageHandler.MaxWaIdDigits) return;
        var phoneNumberId = PhoneNumberId.Normalize(arn);

        if (message.Referral is not null || message.Content is RequestWelcomeContent)
        {
            await StartWelcomeAsync(phoneNumberId, waId, message, cancellationToken);
            return;
        }
        var payload = new JsonObject { ["wamid"] = message.Wamid, ["type"] = message.Type };
        await runner.SignalAsync(WelcomeSequenceWorkflow.ReplyKey(phoneNumberId, waId), WelcomeSequenceWorkflow.ReplyEvent, payload, cancellationToken);
    }

    private async Task StartWelcomeAsync(string phoneNumberId, string waId, InboundMessage message, CancellationToken cancellationToken)
    {
        var (wabaId, problem) = await wabas.ForPhoneNumberAsync(phoneNumberId, cancellationToken);
        // EUM not naming the account is passing (it always can): the inbound event is retried rather than the welcome lost.
        if (problem is not null) throw new InvalidOperationException($"EUM did not name the account of {phoneNumberId}; the welcome sequence waits for a retry.");
        var adSourceId = message.Referral?.SourceId;
        if (WelcomeSequence.Match((await sequences.ListAsync(wabaId!, cancellationToken)).Select(s => s.Sequence), adSourceId) is not { } sequence) return;

        var instanceId = WelcomeSequenceWorkflow.InstanceId(phoneNumberId, waId, sequence.Name);
        var outcome = await runner.StartAsync(instanceId, WelcomeSequenceWorkflow.Input(phoneNumberId, waId, sequence, adSourceId),
            message.Wamid, cancellationToken);
        logger.LogInformation("Welcome sequence {Sequence} for {WaId} on {PhoneNumberId}: {Outcome} ({InstanceId})",
            sequence.Name, Redact.PhoneNumber(waId), phoneNumberId, outcome, instanceId);
    }
}
