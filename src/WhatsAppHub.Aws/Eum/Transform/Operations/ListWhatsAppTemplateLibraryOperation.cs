using System.Text.Json;

namespace WhatsAppHub.Aws.Eum.Transform.Operations;

/// <summary>A read-only POST: <c>id</c> in the query, paging and filters in the body (<c>{}</c> when none).</summary>
internal sealed class ListWhatsAppTemplateLibraryOperation()
    : EumOperation<ListWhatsAppTemplateLibraryRequest, ListWhatsAppTemplateLibraryResponse>(
        "POST", "/v1/whatsapp/template/library", RequestBody.Json)
{
    public static readonly ListWhatsAppTemplateLibraryOperation Instance = new();

    protected override void WriteQuery(ListWhatsAppTemplateLibraryRequest request, QueryWriter query) =>
        query.String("id", request.Id);

    protected override void WriteBody(ListWhatsAppTemplateLibraryRequest request, JsonBodyWriter body)
    {
        body.String("nextToken", request.NextToken);
        body.Integer("maxResults", request.MaxResults);
        body.Shape("filters", request.Filters);
    }

    protected override void ReadOutput(JsonElement body, ListWhatsAppTemplateLibraryResponse response)
    {
        response.MetaLibraryTemplates = body.Shape<List<MetaLibraryTemplateDefinition>>("metaLibraryTemplates") ?? [];
        response.NextToken = body.String("nextToken");
    }
}
