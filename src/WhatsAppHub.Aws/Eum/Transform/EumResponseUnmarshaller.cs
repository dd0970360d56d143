using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace WhatsAppHub.Aws.Eum.Transform;

/// <summary>Reads a 200 answer into the typed response, and any error answer into a <see cref="SocialMessagingException"/>.</summary>
internal sealed class EumResponseUnmarshaller<TResponse>(Action<JsonElement, TResponse> readOutput) : JsonResponseUnmarshaller
    where TResponse : AmazonWebServiceResponse, new()
{
    public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext input)
    {
        var response = new TResponse();
        using (var body = ResponseJson.Parse(input.Stream))
        {
            readOutput(body.RootElement, response);
        }
        response.ResponseMetadata ??= new ResponseMetadata();
        if (string.IsNullOrEmpty(response.ResponseMetadata.RequestId))
            response.ResponseMetadata.RequestId = input.ResponseData?.GetHeaderValue(ResponseJson.RequestIdHeader);
        return response;
    }

    public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext input, Exception innerException, HttpStatusCode statusCode) =>
        EumErrorReader.Read(input, innerException, statusCode);
}
