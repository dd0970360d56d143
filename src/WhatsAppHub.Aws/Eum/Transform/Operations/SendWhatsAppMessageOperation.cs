using System.Text.Json;

namespace WhatsAppHub.Aws.Eum.Transform.Operations;

/// <summary>POST /v1/whatsapp/send. Never resent by the client: a repeat could deliver the message twice.</summary>
internal sealed class SendWhatsAppMessageOperation()
    : EumOperation<SendWhatsAppMessageRequest, SendWhatsAppMessageResponse>("POST", "/v1/whatsapp/send", RequestBody.Json, clientMayRetry: false)
{
    public static readonly SendWhatsAppMessageOperation Instance = new();

    protected override void WriteBody(SendWhatsAppMessageRequest request, JsonBodyWriter body)
    {
        body.String("originationPhoneNumberId", request.OriginationPhoneNumberId);
        body.Blob("message", request.Message);
        body.String("metaApiVersion", request.MetaApiVersion);
    }

    protected override void ReadOutput(JsonElement body, SendWhatsAppMessageResponse response) =>
        response.MessageId = body.String("messageId");
}
