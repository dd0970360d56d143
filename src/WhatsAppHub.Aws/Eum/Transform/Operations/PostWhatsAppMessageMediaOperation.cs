using System.Text.Json;

namespace WhatsAppHub.Aws.Eum.Transform.Operations;

internal sealed class PostWhatsAppMessageMediaOperation()
    : EumOperation<PostWhatsAppMessageMediaRequest, PostWhatsAppMessageMediaResponse>("POST", "/v1/whatsapp/media", RequestBody.Json)
{
    public static readonly PostWhatsAppMessageMediaOperation Instance = new();

    protected override void WriteBody(PostWhatsAppMessageMediaRequest request, JsonBodyWriter body)
    {
        body.String("originationPhoneNumberId", request.OriginationPhoneNumberId);
        body.Shape("sourceS3PresignedUrl", request.SourceS3PresignedUrl);
        body.Shape("sourceS3File", request.SourceS3File);
    }

    protected override void ReadOutput(JsonElement body, PostWhatsAppMessageMediaResponse response) =>
        response.MediaId = body.String("mediaId");
}
