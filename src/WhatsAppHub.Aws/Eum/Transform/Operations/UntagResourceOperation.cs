using System.Text.Json;

namespace WhatsAppHub.Aws.Eum.Transform.Operations;

internal sealed class UntagResourceOperation()
    : EumOperation<UntagResourceRequest, UntagResourceResponse>("POST", "/v1/tags/untag-resource", RequestBody.Json)
{
    public static readonly UntagResourceOperation Instance = new();

    protected override void WriteBody(UntagResourceRequest request, JsonBodyWriter body)
    {
        body.String("resourceArn", request.ResourceArn);
        body.Shape("tagKeys", request.TagKeys);
    }

    protected override void ReadOutput(JsonElement body, UntagResourceResponse response) =>
        response.StatusCode = body.Integer("statusCode");
}
