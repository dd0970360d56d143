namespace WhatsAppHub.Functions.Tests.Support;

/// <summary>Examples for the routes of the non-interactive types (text, media, location, contacts, reaction, template).</summary>
public static partial class RouteExamples
{
    private static IReadOnlyList<Example> Basic =>
    [
        new("text", "with link preview", """{"text":{"body":"Read https://example.com/orders/42","preview_url":true}}"""),
    ];
}
