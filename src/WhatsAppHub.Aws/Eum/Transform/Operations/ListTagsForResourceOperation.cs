using System.Text.Json;

namespace WhatsAppHub.Aws.Eum.Transform.Operations;

internal sealed class ListTagsForResourceOperation()
    : EumOperation<ListTagsForResourceRequest, ListTagsForResourceResponse>("GET", "/v1/tags/list", RequestBody.None)
{
    public static readonly ListTagsForResourceOperation Instance = new();

    protected override void WriteQuery(ListTagsForResourceRequest request, QueryWriter query) =>
        query.String("resourceArn", request.ResourceArn);

    protected override void ReadOutput(JsonElement body, ListTagsForResourceResponse response)
    {
        response.StatusCode = body.Integer("statusCode");
        response.Tags = body.Shape<List<Tag>>("tags") ?? [];
    }
}
