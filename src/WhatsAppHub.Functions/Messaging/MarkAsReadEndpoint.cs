using System.Text.Json.Nodes;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Messaging;

/// <summary>
/// <c>POST /api/messages/{wamid}/read</c>: tells WhatsApp a received message was read (blue ticks), optionally with a
/// typing indicator. A receipt is not a message: it is sent at once, not queued, and nothing is stored.
/// Body (optional): <c>{ "typingIndicator": true, "phoneNumberId": "phone-number-id-…" }</c>.
/// </summary>
public static class MarkAsReadEndpoint
{
    public static async Task<IResult> HandleAsync(string wamid, HttpRequest request, ISocialMessaging eum, HubOptions options, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (wamid.Length is < 1 or > 512) errors.Add("route.wamid", "maxLength", "The wamid must be 1-512 characters.");

        var typing = false;
        string? sender = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var body = await RequestBody.ReadAsync(request, 4096, cancellationToken);
            if (body.Problem is not null) return body.Problem;
            JsonObject? json = null;
            try
            {
                json = JsonNode.Parse(body.Bytes.Span) as JsonObject;
            }
            catch (System.Text.Json.JsonException)
            {
            }
            catch (InvalidOperationException)
            {
            }
            if (json is null) errors.Add(JsonPath.Root, "json", "The body must be a JSON object.");
            else
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
        return Results.Ok(new { success = true, wamid, typingIndicator = typing });
    }
}
