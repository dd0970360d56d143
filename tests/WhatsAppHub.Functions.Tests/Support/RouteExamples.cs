using WhatsAppHub.Core.Messaging;

namespace WhatsAppHub.Functions.Tests.Support;

/// <summary>
/// One valid request body per typed send route (<see cref="OutboundRoutes.All"/>), taken from the reference's examples.
/// The end-to-end route tests send each one and compare what the sandbox received; the fuzz test mutates them.
/// A body may leave out <c>to</c> (the tests give every case its own recipient) and <c>type</c> (the route implies it).
/// </summary>
public static partial class RouteExamples
{
    /// <param name="Path">The typed route under <c>/api/messages/</c>.</param>
    /// <param name="Name">Tells apart several examples of one route (e.g. image by id and by link).</param>
    /// <param name="Body">The request body.</param>
    /// <param name="FreeForm">False for templates, which need no open 24-hour window.</param>
    public sealed record Example(string Path, string Name, string Body, bool FreeForm = true)
    {
        public override string ToString() => $"{Path} ({Name})";
    }

    public static IReadOnlyList<Example> All => [.. Basic, .. Interactive];

    public static TheoryData<Example> Cases() => [.. All];

    /// <summary>The first example of each route, the seeds of the fuzz test.</summary>
    public static TheoryData<Example> FirstPerRoute() => [.. All.GroupBy(e => e.Path).Select(g => g.First())];
}
