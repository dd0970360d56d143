using System.Text;
using WhatsAppHub.Aws.Sns;
using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Inbound;

/// <summary>
/// <c>POST /api/eum/events</c>: where SNS delivers the EUM event destination topic. Anonymous, because SNS cannot send
/// a function key; the signature is the authentication. 4xx tells SNS never to retry (right for junk and forgeries),
/// 5xx makes it retry (right when the hub could not store or check the message).
/// </summary>
public static class SnsEventsEndpoint
{
    /// <summary>SNS bodies for HTTPS are at most 256 KiB of message plus the envelope; JSON escaping can double that.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public static RouteGroupBuilder MapSnsEventsEndpoint(this RouteGroupBuilder api)
    {
        api.MapPost("/eum/events", HandleAsync).ExcludeFromDescription();
        return api;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, HubOptions options, ISnsMessageVerifier verifier,
        SnsSubscriptionConfirmer confirmer, InboundEventStore store, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken, anyContentType: true);
        if (body.Problem is not null) return body.Problem;

        var parsed = SnsEnvelopeParser.Parse(body.Bytes);
        if (parsed.Envelope is not { } envelope)
            return HubProblems.Validation(parsed.Problems.Select(p => new ValidationError(p.Field == "$" ? JsonPath.Root : "$." + p.Field, "sns-envelope", p.Message)).ToList());

        if (request.Headers["x-amz-sns-message-type"] is { Count: > 0 } headerType && headerType.ToString() != envelope.Type)
            return HubProblems.SnsMessageRefused("The x-amz-sns-message-type header does not match the body's Type.");
        if (!options.Sns.AllowedTopicArns.Contains(envelope.TopicArn))
            return HubProblems.SnsMessageRefused("The topic is not in Sns__AllowedTopicArns.");

        var verification = await verifier.VerifyAsync(envelope, cancellationToken);
        switch (verification.Outcome)
        {
            case SnsVerificationOutcome.Refused:
                return HubProblems.SnsMessageRefused(verification.Reason!);
            case SnsVerificationOutcome.CertificateUnavailable:
                return HubProblems.SnsUnavailable(verification.Reason!);
        }

        var raw = Encoding.UTF8.GetString(body.Bytes.Span);
        var receivedAt = time.GetUtcNow();
        var logger = loggers.CreateLogger(typeof(SnsEventsEndpoint));
        switch (envelope.Type)
        {
            case SnsEnvelope.Notification:
                var outcome = await store.RecordNotificationAsync(envelope, raw, receivedAt, cancellationToken);
                return Results.Ok(new { messageId = envelope.MessageId, outcome = outcome.ToString().ToLowerInvariant() });

            case SnsEnvelope.SubscriptionConfirmation:
                int status;
                try
                {
                    status = (int)await confirmer.ConfirmAsync(envelope.SubscribeUrl!, cancellationToken);
                }
                catch (ArgumentException e)
                {
                    return HubProblems.SnsMessageRefused(e.Message);
                }
                catch (HttpRequestException e)
                {
                    return HubProblems.SnsUnavailable("SubscribeURL could not be reached: " + e.Message);
                }
                if (status >= 500) return HubProblems.SnsUnavailable($"SubscribeURL answered {status}.");
                await store.RecordConfirmationAsync(envelope, raw, receivedAt, status, cancellationToken);
                if (status >= 300)
                    logger.LogWarning("Confirming the SNS subscription to {TopicArn} failed: SubscribeURL answered {Status}", envelope.TopicArn, status);
                else
                    logger.LogInformation("Confirmed the SNS subscription to {TopicArn}", envelope.TopicArn);
                return Results.Ok(new { messageId = envelope.MessageId, confirmed = status < 300 });

            default:
                await store.RecordConfirmationAsync(envelope, raw, receivedAt, confirmStatus: null, cancellationToken);
                logger.LogWarning("SNS reports the subscription to {TopicArn} was deleted (UnsubscribeConfirmation {MessageId})", envelope.TopicArn, envelope.MessageId);
                return Results.Ok(new { messageId = envelope.MessageId });
        }
    }
}
