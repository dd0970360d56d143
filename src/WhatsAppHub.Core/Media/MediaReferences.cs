using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Media;

/// <summary>
/// Finds every place in a Cloud API message that names a hub media id: a media object (<c>image</c>, <c>video</c>,
/// <c>audio</c>, <c>document</c>, <c>sticker</c>) whose <c>id</c> has the hub's shape — the message's own media,
/// an interactive header's, a template parameter's. Any depth is searched, because the hub's ids cannot be
/// mistaken for anything else.
/// </summary>
public static class MediaReferences
{
    /// <summary>One reference: the JSON path of the <c>id</c>, the media type its member names, the object holding it.</summary>
    public sealed record Reference(string Path, string MediaType, string HubMediaId, JsonObject Owner);

    public static IReadOnlyList<Reference> Find(JsonObject message)
    {
        var found = new List<Reference>();
        Walk(message, JsonPath.Root, found, depth: 0);
        return found;
    }

    private static void Walk(JsonNode? node, string path, List<Reference> found, int depth)
    {
        if (depth > 64) return; // the reader already caps depth at 32; this only guards against misuse
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    var childPath = JsonPath.Member(path, name);
                    if (child is JsonObject media && MediaFormats.For(name) is not null &&
                        media["id"] is JsonValue id && id.TryGetValue<string>(out var value) && HubMediaId.IsHubMediaId(value))
                        found.Add(new Reference(JsonPath.Member(childPath, "id"), name, value, media));
                    Walk(child, childPath, found, depth + 1);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) Walk(array[i], JsonPath.Index(path, i), found, depth + 1);
                break;
        }
    }
}
