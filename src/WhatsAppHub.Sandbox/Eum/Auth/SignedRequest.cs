namespace WhatsAppHub.Sandbox.Eum.Auth;

/// <summary>
/// What the SigV4 check needs from an HTTP request, in the form it travelled on the wire:
/// the raw (still percent-encoded) path and query, every header occurrence, and the body bytes.
/// Kept free of ASP.NET types so the verifier can be unit-tested with hand-built requests.
/// </summary>
public sealed record SignedRequest(
    string Method,
    string RawPath,
    string RawQuery,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte> Body)
{
    public IEnumerable<string> HeaderValues(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    public string? Header(string name) => HeaderValues(name).FirstOrDefault();
}
