using System.Text.Json;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace WhatsAppHub.Azure.Storage;

/// <summary>Turns an error response of the Table or Queue service into a <see cref="StorageRequestException"/>.</summary>
internal static class StorageErrorReader
{
    public static StorageRequestException CreateException(Response response, string operation) =>
        CreateException(response.Status, ReadHeader(response, "x-ms-error-code"), ReadHeader(response, "x-ms-request-id"), response.Content, operation,
            (code, requestId, message) => new StorageRequestException(response.Status, code, requestId, message));

    public static T CreateException<T>(Response response, string operation, Func<string?, string?, string, T> create) =>
        CreateException(response.Status, ReadHeader(response, "x-ms-error-code"), ReadHeader(response, "x-ms-request-id"), response.Content, operation, create);

    public static T CreateException<T>(int status, string? headerCode, string? requestId, BinaryData? body, string operation, Func<string?, string?, string, T> create)
    {
        (string? bodyCode, string? serviceMessage) = ReadBody(body);
        string? code = headerCode ?? bodyCode;
        string message = $"{operation} failed: {status}{(code is null ? "" : " " + code)}"
            + (serviceMessage is null ? "" : $" - {FirstLine(serviceMessage)}")
            + (requestId is null ? "" : $" (request id {requestId})");
        return create(code, requestId, message);
    }

    public static string? ReadHeader(Response response, string name) =>
        response.Headers.TryGetValue(name, out string? value) && !string.IsNullOrEmpty(value) ? value : null;

    // Tables answer with OData JSON ({"odata.error":{"code":..,"message":{"value":..}}}), Queues and
    // some Azurite table paths (authentication) with <Error><Code/><Message/></Error>.
    internal static (string? Code, string? Message) ReadBody(BinaryData? body)
    {
        if (body is null || body.ToMemory().IsEmpty)
        {
            return (null, null);
        }

        string text = body.ToString().TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        try
        {
            if (text.StartsWith('{'))
            {
                using var document = JsonDocument.Parse(text);
                if (document.RootElement.TryGetProperty("odata.error", out JsonElement error)
                    || document.RootElement.TryGetProperty("error", out error))
                {
                    string? code = error.TryGetProperty("code", out JsonElement c) ? c.GetString() : null;
                    string? message = null;
                    if (error.TryGetProperty("message", out JsonElement m))
                    {
                        message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out JsonElement v) ? v.GetString() : m.ToString();
                    }

                    return (code, message);
                }
            }
            else if (text.StartsWith('<'))
            {
                XElement root = XElement.Parse(text);
                return (root.Element("Code")?.Value, root.Element("Message")?.Value);
            }
        }
        catch (Exception exception) when (exception is JsonException or System.Xml.XmlException)
        {
            // An unreadable error body still leaves the status and the header code.
        }

        return (null, null);
    }

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
