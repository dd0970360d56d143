using System.Text.Json;

namespace WhatsAppHub.Aws.Eum.Transform.Operations;

internal sealed class ListLinkedWhatsAppBusinessAccountsOperation()
    : EumOperation<ListLinkedWhatsAppBusinessAccountsRequest, ListLinkedWhatsAppBusinessAccountsResponse>(
        "GET", "/v1/whatsapp/waba/list", RequestBody.None)
{
    public static readonly ListLinkedWhatsAppBusinessAccountsOperation Instance = new();

    protected override void WriteQuery(ListLinkedWhatsAppBusinessAccountsRequest request, QueryWriter query)
    {
        query.String("nextToken", request.NextToken);
        query.Integer("maxResults", request.MaxResults);
    }

    protected override void ReadOutput(JsonElement body, ListLinkedWhatsAppBusinessAccountsResponse response)
    {
        response.LinkedAccounts = body.Shape<List<LinkedWhatsAppBusinessAccountSummary>>("linkedAccounts") ?? [];
        response.NextToken = body.String("nextToken");
    }
}
