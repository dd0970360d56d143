namespace WhatsAppHub.Sandbox.Inbound;

/// <summary>Every type <c>POST /sandbox/inbound/{type}</c> knows, in the order <c>GET /sandbox/inbound</c> lists them.</summary>
public static class InboundCatalog
{
    public static readonly IReadOnlyList<InboundKind> Kinds = [.. MessageSamples.All(), .. FieldSamples.All()];

    private static readonly Dictionary<string, InboundKind> ByType = Kinds.ToDictionary(k => k.Type, StringComparer.Ordinal);

    public static InboundKind? Find(string type) => ByType.GetValueOrDefault(type);
}
