using System.Text.Json;

namespace WhatsAppHub.Aws.Eum.Transform.Operations;

internal sealed class CreateWhatsAppMessageTemplateFromLibraryOperation()
    : EumOperation<CreateWhatsAppMessageTemplateFromLibraryRequest, CreateWhatsAppMessageTemplateFromLibraryResponse>(
        "POST", "/v1/whatsapp/template/create", RequestBody.Json)
{
    public static readonly CreateWhatsAppMessageTemplateFromLibraryOperation Instance = new();

    protected override void WriteBody(CreateWhatsAppMessageTemplateFromLibraryRequest request, JsonBodyWriter body)
    {
        body.Shape("metaLibraryTemplate", request.MetaLibraryTemplate);
        body.String("id", request.Id);
    }

    protected override void ReadOutput(JsonElement body, CreateWhatsAppMessageTemplateFromLibraryResponse response)
    {
        response.MetaTemplateId = body.String("metaTemplateId");
        response.TemplateStatus = body.String("templateStatus");
        response.Category = body.String("category");
    }
}
