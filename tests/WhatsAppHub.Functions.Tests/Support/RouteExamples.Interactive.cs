namespace WhatsAppHub.Functions.Tests.Support;

/// <summary>Examples for the <c>interactive/…</c> routes.</summary>
public static partial class RouteExamples
{
    private static IReadOnlyList<Example> Interactive => [];
}
