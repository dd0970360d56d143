using System.Text;
using System.Text.Json.Nodes;

namespace WhatsAppHub.Functions.Tests.Support;

/// <summary>
/// Seeded mutations of a valid JSON body, half structural (a member dropped, a value of another kind or size, an array
/// grown, an unknown member) so the validators see plausible input, half byte-level so the parser sees broken text.
/// </summary>
public sealed class JsonMutator(Random random)
{
    private static readonly Func<Random, JsonNode?>[] Replacements =
    [
        _ => null,
        _ => JsonValue.Create(""),
        r => JsonValue.Create(new string('x', r.Next(1, 5000))),
        _ => JsonValue.Create("😀\u0000\u202e<script>"),
        r => JsonValue.Create(r.Next(int.MinValue, int.MaxValue)),
        _ => JsonValue.Create(-1.5e300),
        _ => JsonValue.Create(true),
        _ => new JsonArray(),
        _ => new JsonObject(),
        r => new JsonArray([.. Enumerable.Range(0, r.Next(1, 40)).Select(i => (JsonNode?)JsonValue.Create(i))]),
        _ => JsonValue.Create("https://"),
        _ => JsonValue.Create("not-a-url"),
    ];

    public byte[] Mutate(string seed)
    {
        if (random.Next(2) == 0) return Encoding.UTF8.GetBytes(MutateStructure(JsonNode.Parse(seed)!).ToJsonString());
        var bytes = Encoding.UTF8.GetBytes(seed);
        switch (random.Next(3))
        {
            case 0:
                for (var n = random.Next(1, 4); n > 0; n--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return bytes;
            case 1:
                return bytes[..random.Next(bytes.Length)];
            default:
                var at = random.Next(bytes.Length);
                var junk = new byte[random.Next(1, 8)];
                random.NextBytes(junk);
                return [.. bytes[..at], .. junk, .. bytes[at..]];
        }
    }

    private JsonNode MutateStructure(JsonNode root)
    {
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var nodes = Descendants(root).ToList();
            var target = nodes[random.Next(nodes.Count)];
            switch (random.Next(4))
            {
                case 0 when target.Parent is JsonObject parent:
                    parent.Remove(target.GetPropertyName());
                    break;
                case 1 when target.Parent is JsonArray array:
                    for (var copies = random.Next(1, 30); copies > 0; copies--) array.Add(target.DeepClone());
                    break;
                case 2 when target is JsonObject obj:
                    obj["unexpected_" + random.Next(100)] = Replacements[random.Next(Replacements.Length)](random);
                    break;
                default:
                    Replace(target, Replacements[random.Next(Replacements.Length)](random));
                    break;
            }
        }
        return root;
    }

    private static void Replace(JsonNode target, JsonNode? value)
    {
        switch (target.Parent)
        {
            case JsonObject parent:
                parent[target.GetPropertyName()] = value;
                break;
            case JsonArray array:
                array[target.GetElementIndex()] = value;
                break;
        }
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        if (node.Parent is not null) yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children)
            if (child is not null)
                foreach (var d in Descendants(child)) yield return d;
    }
}
