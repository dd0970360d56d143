using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WhatsAppHub.Sandbox.Eum.Validation;
using WhatsAppHub.Sandbox.Eum.World;
using WhatsAppHub.Sandbox.Recording;
using WhatsAppHub.Sandbox.Sns;

namespace WhatsAppHub.Sandbox.Eum.Operations;

/// <summary>
/// SendWhatsAppMessage: checks the envelope EUM and Meta check (the blob is a Cloud API JSON object
/// for WhatsApp), answers a fresh wamid, records the decoded message and starts its status webhooks.
/// </summary>
public sealed partial class SendOperations(SandboxWorld world, MessageLog messages, SendTally tally, StatusPublisher statuses, TimeProvider time) : IEumOperationGroup
{
    public IEnumerable<EumOperation> Operations =>
    [
        new("SendWhatsAppMessage", "POST", "/v1/whatsapp/send", Send) { OnRefused = RecordRefusal },
    ];

    private JsonObject Send(InputReader input)
    {
        var phoneId = input.String(input.Body, "originationPhoneNumberId", "originationPhoneNumberId", Shapes.WhatsAppPhoneNumberId, required: true)!;
        var blob = input.Blob(input.Body, "message", "message", 1, 2_048_000, required: true)!;
        var apiVersion = input.String(input.Body, "metaApiVersion", "metaApiVersion", Shapes.Unconstrained, required: true)!;
        input.ThrowIfInvalid();

        var located = world.Locked(w => w.FindPhone(phoneId)) ?? throw EumException.NotFound($"Phone number {phoneId} is not linked to this account.");
        var (account, phone) = located;

        var message = DecodeMessage(blob) as JsonObject ?? throw EumException.Validation("The message must be a JSON object in the WhatsApp Cloud API message format.");
        var product = Text(message, "messaging_product");
        if (product is null)
        {
            throw EumException.InvalidParameters("(#100) The parameter messaging_product is required.");
        }
        if (product != "whatsapp")
        {
            throw EumException.InvalidParameters($"(#100) Param messaging_product must be one of {{WHATSAPP}} - got \"{product}\".");
        }
        var majorVersion = ApiMajorVersion(apiVersion) ?? throw EumException.InvalidParameters($"Unsupported metaApiVersion '{apiVersion}': use the form v<major>.<minor>, for example v20.0.");
        var isMarkRead = Text(message, "status") == "read" && message.ContainsKey("message_id");
        var to = Text(message, "to");
        if (to is null && !isMarkRead)
        {
            throw EumException.InvalidParameters("(#100) The parameter to is required.");
        }

        var recipientType = Text(message, "recipient_type");
        var recipient = recipientType == "group" ? to! : new string((to ?? "").Where(char.IsAsciiDigit).ToArray());
        var messageId = Wamid.New(recipient.Length > 0 ? recipient : phone.Digits);
        var record = new MessageRecord
        {
            Time = time.GetUtcNow(),
            RequestId = input.RequestId,
            OriginationPhoneNumberId = phoneId,
            MetaApiVersion = apiVersion,
            Message = message.DeepClone(),
            SignatureValid = true,
            Accepted = true,
            ResponseStatus = 200,
            MessageId = messageId,
        };
        messages.Add(record);
        tally.Add(Text(message, "biz_opaque_callback_data"));

        if (!isMarkRead)
        {
            var (category, billable) = Pricing(message);
            statuses.Schedule(new StatusJob(messageId, recipient, recipientType, Text(message, "biz_opaque_callback_data"), category, billable,
                majorVersion, ResourceIds.NewHex(), account.MetaWabaId, phone.MetaPhoneNumberId, phone.Digits), record);
        }
        return new JsonObject { ["messageId"] = messageId };
    }

    /// <summary>Refused sends (bad signature, invalid input, unknown number) are listed too, with whatever could be decoded.</summary>
    private void RecordRefusal(RecordedRequest request)
    {
        var body = request.BodyJson as JsonObject;
        JsonNode? message = null;
        if (body?["message"]?.GetValueKind() == JsonValueKind.String)
        {
            try
            {
                message = DecodeMessage(Convert.FromBase64String(body["message"]!.GetValue<string>())) ?? JsonValue.Create("");
            }
            catch (FormatException)
            {
                message = body["message"]!.DeepClone();
            }
            catch (EumException)
            {
                message = body["message"]!.DeepClone();
            }
        }
        messages.Add(new MessageRecord
        {
            Time = request.Time,
            RequestId = request.RequestId,
            OriginationPhoneNumberId = body is null ? null : Text(body, "originationPhoneNumberId"),
            MetaApiVersion = body is null ? null : Text(body, "metaApiVersion"),
            Message = message,
            SignatureValid = request.SignatureValid,
            Accepted = false,
            ResponseStatus = request.ResponseStatus,
            ErrorType = request.ErrorType,
            ErrorMessage = request.ErrorMessage,
        });
    }

    // Template sends are billed in the template's category; free-form replies inside the customer
    // service window are free "service" messages under per-message pricing.
    private (string Category, bool Billable) Pricing(JsonObject message)
    {
        if (Text(message, "type") != "template")
        {
            return ("service", false);
        }
        var name = message["template"]?["name"]?.GetValueKind() == JsonValueKind.String ? message["template"]!["name"]!.GetValue<string>() : null;
        var category = world.Locked(w => w.Templates.FirstOrDefault(t => t.Name == name)?.Category);
        return ((category ?? "UTILITY").ToLowerInvariant(), true);
    }

    private static JsonNode? DecodeMessage(byte[] blob)
    {
        try
        {
            return JsonNode.Parse(Encoding.UTF8.GetString(blob));
        }
        catch (JsonException)
        {
            throw EumException.Validation("The message must be a JSON object in the WhatsApp Cloud API message format.");
        }
    }

    private static string? Text(JsonObject obj, string name) =>
        obj[name]?.GetValueKind() == JsonValueKind.String ? obj[name]!.GetValue<string>() : null;

    private static int? ApiMajorVersion(string version)
    {
        var match = ApiVersion().Match(version);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^v(\d{1,3})\.\d{1,3}$")]
    private static partial Regex ApiVersion();
}
