using Amazon.Runtime;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Privacy;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Messaging;

/// <summary>
/// Sends one validated message through EUM. The MESSAGE row is written before the call (a message is never sent
/// without a record) and moves to <c>sent</c> with its wamid, or to <c>failed</c> with EUM's reason.
/// </summary>
public sealed class SendMessageHandler(
    MessageStore store,
    ISocialMessaging eum,
    HubOptions options,
    TimeProvider clock,
    ILogger<SendMessageHandler> logger)
{
    public async Task<IResult> HandleAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var record = new MessageRecord(
            Id: MessageRecord.NewId(),
            Direction: MessageDirection.Outbound,
            PhoneNumberId: message.SenderPhoneNumberId ?? options.Eum.DefaultPhoneNumberId,
            To: message.To,
            Type: message.Type,
            Status: MessageStatus.Sending,
            CloudApiJson: message.CloudApiMessage.ToJsonString(),
            CreatedAt: now,
            UpdatedAt: now,
            Attempts: 1);

        string etag;
        try
        {
            etag = await store.InsertAsync(record, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Could not store message {MessageId}; nothing was sent", record.Id);
            return HubProblems.StorageUnavailable("The message could not be recorded, so it was not sent. Try again.");
        }

        try
        {
            var response = await eum.SendWhatsAppMessageAsync(new SendWhatsAppMessageRequest
            {
                OriginationPhoneNumberId = record.PhoneNumberId,
                Message = message.ToCloudApiJson(),
                MetaApiVersion = options.Eum.MetaApiVersion,
            }, cancellationToken);

            var sent = record with { Status = MessageStatus.Sent, Wamid = response.MessageId, SentAt = clock.GetUtcNow(), UpdatedAt = clock.GetUtcNow() };
            await RecordOutcomeAsync(sent, etag, cancellationToken);
            logger.LogInformation("Sent message {MessageId} ({Type}) to {To} as {Wamid}", sent.Id, sent.Type, Redact.PhoneNumber(sent.To), sent.Wamid);
            return Results.Created($"/api/messages/{sent.Id}", MessageView.From(sent));
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException
                                      or IOException or TimeoutException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var problem = EumProblem.From(e);
            var failed = record with
            {
                Status = MessageStatus.Failed,
                UpdatedAt = clock.GetUtcNow(),
                Error = new MessageError(problem.ErrorType, problem.RequestId, problem.Title, problem.Detail, problem.Retryable),
            };
            await RecordOutcomeAsync(failed, etag, cancellationToken);
            logger.LogWarning("EUM refused message {MessageId} to {To}: {ErrorType} {Detail}", record.Id, Redact.PhoneNumber(record.To), problem.ErrorType, problem.Detail);
            return problem.ToResult(record.Id);
        }
    }

    private async Task RecordOutcomeAsync(MessageRecord outcome, string etag, CancellationToken cancellationToken)
    {
        try
        {
            await store.UpdateAsync(outcome, etag, cancellationToken);
            if (outcome.Wamid is { } wamid) await store.IndexWamidAsync(wamid, outcome.Id, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The send itself is done; the caller still gets its answer. The row stays 'sending' until reconciled.
            logger.LogError(e, "Message {MessageId} ended {Status} but the row could not be updated", outcome.Id, outcome.Status.ToWire());
        }
    }
}
