using System.Text.Json;

namespace WhatsAppHub.Functions.Inbound;

/// <summary>
/// The text of an <c>inbound</c> queue message: <c>{"messageIds": [...]}</c>, the SNS MessageIds of stored events
/// accepted together (at most <see cref="MaxIds"/>). <c>{"messageId": …}</c> from earlier builds is still read.
/// </summary>
public sealed record InboundWork(IReadOnlyList<string> MessageIds)
{
    public const int MaxIds = 100;
    private const int MaxIdLength = 200;

    public string ToJson() => JsonSerializer.Serialize(new { messageIds = MessageIds });

    /// <summary>The ids named, or null when the text is not an inbound queue message.</summary>
    public static InboundWork? TryParse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (root.TryGetProperty("messageId", out var single))
                return IsId(single) ? new InboundWork([single.GetString()!]) : null;
            if (!root.TryGetProperty("messageIds", out var ids) || ids.ValueKind != JsonValueKind.Array) return null;
            var list = new List<string>();
            foreach (var id in ids.EnumerateArray())
            {
                if (!IsId(id) || list.Count == MaxIds) return null;
                list.Add(id.GetString()!);
            }
            return list.Count > 0 ? new InboundWork(list) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsId(JsonElement id) => id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 and <= MaxIdLength };
}
