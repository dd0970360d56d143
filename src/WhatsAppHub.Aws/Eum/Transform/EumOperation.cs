using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using WhatsAppHub.Aws.Eum.Pipeline;

namespace WhatsAppHub.Aws.Eum.Transform;

/// <summary>
/// One restJson1 operation: its HTTP binding (method, fixed URI) and the parts of marshalling that
/// differ per operation (query members, body members, output members). Everything else — building
/// the SDK request, the JSON envelope, reading the response, decoding errors — is shared here.
/// </summary>
internal abstract class EumOperation<TRequest, TResponse> : IMarshaller<IRequest, AmazonWebServiceRequest>
    where TRequest : AmazonWebServiceRequest
    where TResponse : AmazonWebServiceResponse, new()
{
    private const string JsonContentType = "application/json";

    protected EumOperation(string httpMethod, string path, RequestBody body, bool clientMayRetry = true)
    {
        HttpMethod = httpMethod;
        Path = path;
        Body = body;
        Options = new EumInvokeOptions
        {
            RequestMarshaller = this,
            ResponseUnmarshaller = new EumResponseUnmarshaller<TResponse>(ReadOutput),
            ClientMayRetry = clientMayRetry,
        };
    }

    public string HttpMethod { get; }

    public string Path { get; }

    public RequestBody Body { get; }

    /// <summary>What the client hands to the SDK pipeline for this operation.</summary>
    public EumInvokeOptions Options { get; }

    /// <summary>Adds the httpQuery-bound members. Default: none.</summary>
    protected virtual void WriteQuery(TRequest request, QueryWriter query)
    {
    }

    /// <summary>Writes the body-bound members (called only when <see cref="Body"/> is Json). Default: none, giving <c>{}</c>.</summary>
    protected virtual void WriteBody(TRequest request, JsonBodyWriter body)
    {
    }

    /// <summary>Reads the output members from the response body (<c>{}</c> when the body is empty). Default: none.</summary>
    protected virtual void ReadOutput(JsonElement body, TResponse response)
    {
    }

    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var request = (TRequest)input;
        var wire = new DefaultRequest(request, SocialMessagingConfig.ServiceIdentifier)
        {
            HttpMethod = HttpMethod,
            ResourcePath = Path,
            // Query members go in the URL even on POST (ListWhatsAppTemplateLibrary's id), never form-encoded.
            UseQueryString = true,
        };
        WriteQuery(request, new QueryWriter(wire.Parameters));

        if (Body == RequestBody.Json)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = EumJson.BodyEncoder }))
            {
                json.WriteStartObject();
                WriteBody(request, new JsonBodyWriter(json));
                json.WriteEndObject();
            }
            wire.Content = buffer.ToArray();
            wire.Headers["Content-Type"] = JsonContentType;
        }
        return wire;
    }
}
