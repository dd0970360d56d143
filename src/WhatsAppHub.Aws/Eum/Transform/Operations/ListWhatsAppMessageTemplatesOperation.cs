using System.Text.Json;

namespace WhatsAppHub.Aws.Eum.Transform.Operations;

internal sealed class ListWhatsAppMessageTemplatesOperation()
    : EumOperation<ListWhatsAppMessageTemplatesRequest, ListWhatsAppMessageTemplatesResponse>(
        "GET", "/v1/whatsapp/template/list", RequestBody.None)
{
    public static readonly ListWhatsAppMessageTemplatesOperation Instance = new();

    protected override void WriteQuery(ListWhatsAppMessageTemplatesRequest request, QueryWriter query)
    {
        query.String("id", request.Id);
        query.String("nextToken", request.NextToken);
        query.Integer("maxResults", request.MaxResults);
    }

    protected override void ReadOutput(JsonElement body, ListWhatsAppMessageTemplatesResponse response)
    {
        response.Templates = body.Shape<List<TemplateSummary>>("templates") ?? [];
        response.NextToken = body.String("nextToken");
    }
}
