namespace WhatsAppHub.Aws.Eum.Transform.Operations;

internal sealed class UpdateWhatsAppMessageTemplateOperation()
    : EumOperation<UpdateWhatsAppMessageTemplateRequest, UpdateWhatsAppMessageTemplateResponse>(
        "POST", "/v1/whatsapp/template", RequestBody.Json)
{
    public static readonly UpdateWhatsAppMessageTemplateOperation Instance = new();

    protected override void WriteBody(UpdateWhatsAppMessageTemplateRequest request, JsonBodyWriter body)
    {
        body.String("id", request.Id);
        body.String("metaTemplateId", request.MetaTemplateId);
        body.String("templateName", request.TemplateName);
        body.String("templateLanguageCode", request.TemplateLanguageCode);
        body.String("parameterFormat", request.ParameterFormat);
        body.String("templateCategory", request.TemplateCategory);
        body.Blob("templateComponents", request.TemplateComponents);
        body.Boolean("ctaUrlLinkTrackingOptedOut", request.CtaUrlLinkTrackingOptedOut);
    }
}
