using System.Text.Json;

namespace WhatsAppHub.Aws.Eum.Transform.Operations;

internal sealed class DeleteWhatsAppMessageMediaOperation()
    : EumOperation<DeleteWhatsAppMessageMediaRequest, DeleteWhatsAppMessageMediaResponse>("DELETE", "/v1/whatsapp/media", RequestBody.None)
{
    public static readonly DeleteWhatsAppMessageMediaOperation Instance = new();

    protected override void WriteQuery(DeleteWhatsAppMessageMediaRequest request, QueryWriter query)
    {
        query.String("mediaId", request.MediaId);
        query.String("originationPhoneNumberId", request.OriginationPhoneNumberId);
    }

    protected override void ReadOutput(JsonElement body, DeleteWhatsAppMessageMediaResponse response) =>
        response.Success = body.Boolean("success");
}
