namespace WhatsAppHub.Aws.Eum.Transform.Operations;

internal sealed class DeleteWhatsAppMessageTemplateOperation()
    : EumOperation<DeleteWhatsAppMessageTemplateRequest, DeleteWhatsAppMessageTemplateResponse>(
        "DELETE", "/v1/whatsapp/template", RequestBody.None)
{
    public static readonly DeleteWhatsAppMessageTemplateOperation Instance = new();

    protected override void WriteQuery(DeleteWhatsAppMessageTemplateRequest request, QueryWriter query)
    {
        query.String("metaTemplateId", request.MetaTemplateId);
        // The model binds member deleteAllLanguages to the query name deleteAllTemplates.
        query.Boolean("deleteAllTemplates", request.DeleteAllLanguages);
        query.String("id", request.Id);
        query.String("templateName", request.TemplateName);
    }
}
