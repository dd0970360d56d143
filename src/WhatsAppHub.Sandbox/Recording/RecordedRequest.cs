using System.Text.Json.Nodes;

namespace WhatsAppHub.Sandbox.Recording;

/// <summary>Everything seen about one EUM request and how the sandbox answered it (GET /sandbox/requests).</summary>
public sealed class RecordedRequest
{
    public required long Sequence { get; init; }
    public required DateTimeOffset Time { get; init; }
    public required string RequestId { get; init; }
    public required string Operation { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }
    public required string QueryString { get; init; }
    public required IReadOnlyDictionary<string, string> Query { get; init; }
    public string? ContentType { get; init; }
    public required string Body { get; init; }
    public JsonNode? BodyJson { get; init; }
    public string? AccessKeyId { get; set; }
    public bool SignatureValid { get; set; }
    public string? SignatureError { get; set; }
    public string? SignatureErrorType { get; set; }
    public int ResponseStatus { get; set; }
    public string? ErrorType { get; set; }
    public string? ErrorMessage { get; set; }
    public JsonNode? ResponseBody { get; set; }

    /// <summary>The fault the sandbox injected into this call (<c>throttled</c>, <c>meta:131056</c>, <c>drop</c>, …), if any.</summary>
    public string? Fault { get; set; }
}
