using System.Net;
using System.Text.Json;
using Amazon.Runtime.Internal.Transform;

namespace WhatsAppHub.Aws.Eum.Transform;

/// <summary>
/// Decodes a restJson1 error answer. The type comes from the <c>x-amzn-ErrorType</c> header, else the
/// body's <c>__type</c>, else its <c>code</c> (sanitised, eum-api.md §2) — never from the status alone.
/// </summary>
internal static class EumErrorReader
{
    private const string ErrorTypeHeader = "x-amzn-ErrorType";

    public static SocialMessagingException Read(JsonUnmarshallerContext context, Exception? innerException, HttpStatusCode statusCode)
    {
        var headers = context.ResponseData;
        var headerType = headers?.GetHeaderValue(ErrorTypeHeader);
        var requestId = headers?.GetHeaderValue(ResponseJson.RequestIdHeader);

        string? bodyType = null, bodyCode = null, message = null;
        try
        {
            using var body = ResponseJson.Parse(context.Stream);
            var root = body.RootElement;
            bodyType = root.String("__type");
            bodyCode = root.String("code");
            // The service writes "message"; AWS's front door (signature errors) writes "Message".
            message = root.String("message") ?? root.String("Message");
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): the header and status still tell what they can.
        }

        var name = ErrorTypes.Sanitise(headerType) ?? ErrorTypes.Sanitise(bodyType) ?? ErrorTypes.Sanitise(bodyCode);
        var type = ErrorTypes.FromName(name);
        message ??= $"{name ?? "Unknown error"} (HTTP {(int)statusCode})";
        return new SocialMessagingException(message, type, name, requestId, statusCode, innerException);
    }
}
