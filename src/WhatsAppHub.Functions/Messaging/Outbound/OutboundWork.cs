using System.Text.Json;
using System.Text.Json.Serialization;

namespace WhatsAppHub.Functions.Messaging.Outbound;

/// <summary>
/// The text of an <c>outbound</c> queue message: only message ids, <c>{"ids": […]}</c> (one accept batch, or the
/// messages of a batch that wait for the same retry), or <c>{"id": …}</c> as earlier versions wrote it. The MESSAGE rows
/// are the truth about what to send and how far each got, so a redelivered or duplicated queue message can never send
/// stale content.
/// </summary>
public sealed class OutboundWork
{
    /// <summary>At most this many ids per message: one table transaction's worth, about 3.5 KB of text (the limit is 64 KB).</summary>
    public const int MaxIds = 100;

    public OutboundWork(IReadOnlyList<string> messageIds)
    {
        if (messageIds.Count is 0 or > MaxIds) throw new ArgumentOutOfRangeException(nameof(messageIds), $"1-{MaxIds} ids per queue message.");
        MessageIds = messageIds;
    }

    public IReadOnlyList<string> MessageIds { get; }

    public string ToJson() => JsonSerializer.Serialize(new Wire { Ids = [.. MessageIds] }, OutboundWorkJson.Default.Wire);

    public static OutboundWork? TryParse(string text)
    {
        try
        {
            var wire = JsonSerializer.Deserialize(text, OutboundWorkJson.Default.Wire);
            if (wire?.Ids is { Length: > 0 and <= MaxIds } ids && ids.All(id => !string.IsNullOrEmpty(id))) return new OutboundWork(ids.Distinct(StringComparer.Ordinal).ToList());
            if (wire is { Ids: null, Id.Length: > 0 }) return new OutboundWork([wire.Id]);
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal sealed class Wire
    {
        [JsonPropertyName("id")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Id { get; set; }

        [JsonPropertyName("ids")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string[]? Ids { get; set; }
    }
}

[JsonSerializable(typeof(OutboundWork.Wire))]
internal sealed partial class OutboundWorkJson : JsonSerializerContext;
