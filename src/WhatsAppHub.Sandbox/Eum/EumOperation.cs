using System.Text.Json.Nodes;
using WhatsAppHub.Sandbox.Eum.Validation;
using WhatsAppHub.Sandbox.Recording;

namespace WhatsAppHub.Sandbox.Eum;

/// <summary>
/// One operation of the model at its HTTP binding. <see cref="Handle"/> reads and validates the input
/// and returns the output members (an empty object for the four operations without output).
/// </summary>
public sealed record EumOperation(string Name, string Method, string Path, Func<InputReader, JsonObject> Handle)
{
    /// <summary>Called after a refused call (bad signature, invalid input, error) has been recorded.</summary>
    public Action<RecordedRequest>? OnRefused { get; init; }

    /// <summary>restJson1 puts members in a body only for POST/PUT here; GET/DELETE inputs are all query-bound.</summary>
    public bool HasBody => Method is "POST" or "PUT";
}

/// <summary>A set of related operations (one file per group), registered in DI and mapped by <see cref="EumRoutes"/>.</summary>
public interface IEumOperationGroup
{
    IEnumerable<EumOperation> Operations { get; }
}
