using System.Text;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Tests.Messaging.Content;

/// <summary>Reads send bodies through the hub's reader, as <c>POST /api/messages</c> does.</summary>
internal static class Send
{
    public static (OutboundMessage? Message, IReadOnlyList<ValidationError> Errors) Read(string json) =>
        OutboundMessageReader.Default.Read(Encoding.UTF8.GetBytes(json));

    /// <summary>A message of <paramref name="type"/> whose content member is <paramref name="content"/> (JSON text).</summary>
    public static (OutboundMessage? Message, IReadOnlyList<ValidationError> Errors) Content(string type, string content, string envelope = "") =>
        Read($$"""{"to":"+447700900123","type":"{{type}}","{{type}}":{{content}}{{(envelope.Length > 0 ? "," + envelope : "")}}}""");

    /// <summary>A template send whose components array is <paramref name="components"/>.</summary>
    public static (OutboundMessage? Message, IReadOnlyList<ValidationError> Errors) Template(string components) =>
        Content("template", $$"""{"name":"spring_offer","language":{"code":"en_GB"},"components":{{components}}}""");

    public static void Refused((OutboundMessage? Message, IReadOnlyList<ValidationError> Errors) result, string path, string rule)
    {
        Assert.Null(result.Message);
        Assert.True(result.Errors.Any(e => e.Path == path && e.Rule == rule),
            $"expected {path} {rule}; got: " + string.Join("; ", result.Errors.Select(e => $"{e.Path} {e.Rule}")));
    }

    public static void Accepted((OutboundMessage? Message, IReadOnlyList<ValidationError> Errors) result) =>
        Assert.True(result.Message is not null, "refused: " + string.Join("; ", result.Errors.Select(e => $"{e.Path} {e.Rule} {e.Message}")));
}
