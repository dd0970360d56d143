using System.Text;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging;

namespace WhatsAppHub.Core.Tests.Messaging.Interactive;

/// <summary>
/// Structural fuzzing of interactive bodies (seeded, so a failure reproduces): members removed, renamed or replaced by
/// odd values deep inside headers, sections, cards and flow parameters, sent to the any-type reader and to typed
/// routes. The reader must never throw and must answer with exactly one of a message or errors.
/// </summary>
public class InteractiveReaderFuzzTests
{
    private static readonly string[] Fragments =
    [
        "null", "true", "0", "-1", "1.5", "10", "1e400", "9999999999999999999999", "\"\"", "\" \"", "\"\\u0000\"", "\"😀\"",
        "\"https://x\"", "\"http://\"", "{}", "[]", "[{}]", "[null]", "[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]", "{\"type\":\"image\"}",
        "\"text\"", "\"image\"", "\"reply\"", "\"quick_reply\"", "\"cta_url\"", "\"product\"", "\"navigate\"", "\"data_exchange\"", "\"IN\"", "\"SG\"",
    ];

    [Fact]
    public void Twenty_thousand_mutated_interactive_bodies_never_throw()
    {
        var random = new Random(20261124);
        var seeds = ReferenceExamples.All.Values.Select(e => JsonNode.Parse(e)!.AsObject()).ToArray();
        var routes = OutboundRoutes.All.Where(r => r.Type == "interactive").ToArray();
        var accepted = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var body = seeds[i % seeds.Length].DeepClone().AsObject();
            for (var n = random.Next(1, 4); n > 0; n--) Mutate(body, random);
            var route = random.Next(3) == 0 ? null : routes[random.Next(routes.Length)];
            if (route is not null && random.Next(2) == 0) body.Remove("type");
            var json = body.ToJsonString();

            var (message, errors) = OutboundMessageReader.Default.Read(Encoding.UTF8.GetBytes(json), route);

            Assert.True(message is not null ^ errors.Count > 0, $"case {i}: exactly one of message or errors expected for {json}");
            if (message is not null) accepted++;
        }
        // Some mutations keep the body valid (an optional member removed, a value swapped for an equal one).
        Assert.InRange(accepted, 1, 19_999);
    }

    private static void Mutate(JsonObject body, Random random)
    {
        var nodes = new List<JsonNode>();
        Collect(body["interactive"], nodes);
        if (nodes.Count == 0) return;
        var target = nodes[random.Next(nodes.Count)];
        var parent = target.Parent!;
        var replacement = JsonNode.Parse(Fragments[random.Next(Fragments.Length)]);
        switch (random.Next(4), parent)
        {
            case (0, JsonObject obj):
                obj.Remove(target.GetPropertyName());
                break;
            case (0, JsonArray array):
                array.RemoveAt(target.GetElementIndex());
                break;
            case (1, JsonArray array):
                array.Add(target.DeepClone());
                break;
            case (1, JsonObject obj):
                var name = target.GetPropertyName();
                obj.Remove(name);
                obj[name + (random.Next(2) == 0 ? "_x" : "")] = target;
                break;
            case (_, JsonObject obj):
                obj[target.GetPropertyName()] = replacement;
                break;
            case (_, JsonArray array):
                array[target.GetElementIndex()] = replacement;
                break;
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> nodes)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    if (child is null) continue;
                    nodes.Add(child);
                    Collect(child, nodes);
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is null) continue;
                    nodes.Add(child);
                    Collect(child, nodes);
                }
                break;
        }
    }
}
