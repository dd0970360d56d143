using System.Text.Json;

namespace WhatsAppHub.Aws.Eum.Transform.Operations;

internal sealed class CreateWhatsAppMessageTemplateMediaOperation()
    : EumOperation<CreateWhatsAppMessageTemplateMediaRequest, CreateWhatsAppMessageTemplateMediaResponse>(
        "POST", "/v1/whatsapp/template/media", RequestBody.Json)
{
    public static readonly CreateWhatsAppMessageTemplateMediaOperation Instance = new();

    protected override void WriteBody(CreateWhatsAppMessageTemplateMediaRequest request, JsonBodyWriter body)
    {
        body.String("id", request.Id);
        body.Shape("sourceS3File", request.SourceS3File);
    }

    protected override void ReadOutput(JsonElement body, CreateWhatsAppMessageTemplateMediaResponse response) =>
        response.MetaHeaderHandle = body.String("metaHeaderHandle");
}
