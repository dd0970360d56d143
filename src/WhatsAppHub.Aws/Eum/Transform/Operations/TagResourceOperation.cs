using System.Text.Json;

namespace WhatsAppHub.Aws.Eum.Transform.Operations;

internal sealed class TagResourceOperation()
    : EumOperation<TagResourceRequest, TagResourceResponse>("POST", "/v1/tags/tag-resource", RequestBody.Json)
{
    public static readonly TagResourceOperation Instance = new();

    protected override void WriteBody(TagResourceRequest request, JsonBodyWriter body)
    {
        body.String("resourceArn", request.ResourceArn);
        body.Shape("tags", request.Tags);
    }

    protected override void ReadOutput(JsonElement body, TagResourceResponse response) =>
        response.StatusCode = body.Integer("statusCode");
}
