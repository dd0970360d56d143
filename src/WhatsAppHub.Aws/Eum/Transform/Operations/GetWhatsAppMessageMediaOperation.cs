using System.Text.Json;

namespace WhatsAppHub.Aws.Eum.Transform.Operations;

internal sealed class GetWhatsAppMessageMediaOperation()
    : EumOperation<GetWhatsAppMessageMediaRequest, GetWhatsAppMessageMediaResponse>("POST", "/v1/whatsapp/media/get", RequestBody.Json)
{
    public static readonly GetWhatsAppMessageMediaOperation Instance = new();

    protected override void WriteBody(GetWhatsAppMessageMediaRequest request, JsonBodyWriter body)
    {
        body.String("mediaId", request.MediaId);
        body.String("originationPhoneNumberId", request.OriginationPhoneNumberId);
        body.Boolean("metadataOnly", request.MetadataOnly);
        body.Shape("destinationS3PresignedUrl", request.DestinationS3PresignedUrl);
        body.Shape("destinationS3File", request.DestinationS3File);
    }

    protected override void ReadOutput(JsonElement body, GetWhatsAppMessageMediaResponse response)
    {
        response.MimeType = body.String("mimeType");
        response.FileSize = body.Long("fileSize");
    }
}
