using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Functions.Problems;

/// <summary>
/// Reads a JSON request body with a size cap and a content-type check, turning each refusal into a problem
/// document (so oversized or mistyped bodies get a 4xx that says why, never a 500).
/// </summary>
public readonly record struct RequestBody(ReadOnlyMemory<byte> Bytes, IResult? Problem)
{
    /// <param name="anyContentType">Accept any Content-Type (SNS posts JSON as text/plain).</param>
    public static async Task<RequestBody> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken, bool anyContentType = false)
    {
        if (!anyContentType && request.ContentType is { } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "The body must be JSON.",
                $"Content-Type '{contentType}' is not JSON; send application/json.");
        if (request.ContentLength > maxBytes) return TooLarge(maxBytes);

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return TooLarge(maxBytes);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
            return new(default, HubProblems.Validation([new ValidationError(JsonPath.Root, "required", "The body is empty; send a JSON object.")]));
        return new(buffer.ToArray(), null);
    }

    private static RequestBody TooLarge(int maxBytes) =>
        Refuse(StatusCodes.Status413PayloadTooLarge, "payload-too-large", "The body is too large.", $"The body may hold at most {maxBytes} bytes.");

    private static RequestBody Refuse(int status, string slug, string title, string detail) =>
        new(default, Results.Problem(type: HubProblems.TypeUri(slug), title: title, statusCode: status, detail: detail));
}
