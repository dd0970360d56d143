using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Conversations;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Messaging;

/// <summary>
/// <c>POST /api/messages/{wamid}/read</c>: tells WhatsApp a received message was read (blue ticks), optionally with a
/// typing indicator. A receipt is not a message: it is sent at once, not queued; once WhatsApp took it, the received
/// message's row becomes <c>read</c> and its conversation's unread count zero (<see cref="InboundReadRecorder"/>).
/// Body (optional): <c>{ "typingIndicator": true, "phoneNumberId": "phone-number-id-…" }</c>.
/// </summary>
public static class MarkAsReadEndpoint
{
    public static async Task<IResult> HandleAsync(string wamid, HttpRequest request, ISocialMessaging eum, HubOptions options,
        InboundReadRecorder reads, CancellationToken cancellationToken)
    {
        // Wamids are base64 and may hold '/': routing leaves an escaped '%2F' undecoded in the segment, so decode it here.
        wamid = wamid.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var errors = new ValidationErrors();
        if (wamid.Length is < 1 or > TokenRules.MaxWamidLength || !TokenRules.IsToken(wamid))
            errors.Add("route.wamid", "pattern", $"The wamid must be 1-{TokenRules.MaxWamidLength} printable characters without spaces.");

        var typing = false;
        string? sender = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var body = await RequestBody.ReadAsync(request, 4096, cancellationToken);
            if (body.Problem is not null) return body.Problem;
            // The same parser as sends: an escaped lone surrogate or bad UTF-8 is a 400 here too, not a 500.
            if (JsonBody.ParseObject(body.Bytes.Span, errors) is { } json)
            {
                JsonRules.OnlyKnownMembers(json, JsonPath.Root, errors, new HashSet<string> { "typingIndicator", "phoneNumberId" });
                typing = JsonRules.Boolean(json, "typingIndicator", JsonPath.Root, errors) ?? false;
                sender = JsonRules.String(json, "phoneNumberId", JsonPath.Root, errors, required: false);
                if (sender is not null && !PhoneNumberId.IsValid(sender))
                    errors.Add("$.phoneNumberId", "pattern", "'phoneNumberId' must be an EUM phone number id or its ARN.");
            }
        }
        if (!errors.IsEmpty) return HubProblems.Validation(errors.All);

        try
        {
            await eum.SendWhatsAppMessageAsync(new SendWhatsAppMessageRequest
            {
                OriginationPhoneNumberId = sender ?? options.Eum.DefaultPhoneNumberId,
                Message = ReadReceipt.ToCloudApiJson(wamid, typing),
                MetaApiVersion = options.Eum.MetaApiVersion,
            }, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return EumProblem.From(e).ToResult(wamid);
        }
        await reads.RecordAsync(wamid, cancellationToken);
        return Results.Ok(new { success = true, wamid, typingIndicator = typing });
    }
}
