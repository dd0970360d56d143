using System.Text.Json;

namespace WhatsAppHub.Aws.Eum.Transform.Operations;

internal sealed class CreateWhatsAppMessageTemplateOperation()
    : EumOperation<CreateWhatsAppMessageTemplateRequest, CreateWhatsAppMessageTemplateResponse>(
        "POST", "/v1/whatsapp/template/put", RequestBody.Json)
{
    public static readonly CreateWhatsAppMessageTemplateOperation Instance = new();

    protected override void WriteBody(CreateWhatsAppMessageTemplateRequest request, JsonBodyWriter body)
    {
        body.Blob("templateDefinition", request.TemplateDefinition);
        body.String("id", request.Id);
    }

    protected override void ReadOutput(JsonElement body, CreateWhatsAppMessageTemplateResponse response)
    {
        response.MetaTemplateId = body.String("metaTemplateId");
        response.TemplateStatus = body.String("templateStatus");
        response.Category = body.String("category");
    }
}
