using System.Text.Json;

namespace WhatsAppHub.Aws.Eum.Transform.Operations;

internal sealed class GetWhatsAppMessageTemplateOperation()
    : EumOperation<GetWhatsAppMessageTemplateRequest, GetWhatsAppMessageTemplateResponse>(
        "GET", "/v1/whatsapp/template", RequestBody.None)
{
    public static readonly GetWhatsAppMessageTemplateOperation Instance = new();

    protected override void WriteQuery(GetWhatsAppMessageTemplateRequest request, QueryWriter query)
    {
        query.String("metaTemplateId", request.MetaTemplateId);
        query.String("id", request.Id);
        query.String("templateName", request.TemplateName);
        query.String("templateLanguageCode", request.TemplateLanguageCode);
    }

    protected override void ReadOutput(JsonElement body, GetWhatsAppMessageTemplateResponse response) =>
        response.Template = body.String("template");
}
