using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Templates;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Testing.Templates;

namespace WhatsAppHub.Core.Tests.Templates;

/// <summary>
/// Mutates the valid definitions structurally and textually (seeded, so a failure reproduces) and checks the rules
/// never throw and name every error under the given path.
/// </summary>
public class TemplateDefinitionRulesFuzzTests
{
    private static readonly string[] Fragments =
    [
        "null", "true", "0", "-1", "1e308", "9999999999999999999999", "1.5", "\"\"", "{}", "[]", "[{}]", "[[]]", "[null]",
        "\"\\u0000\"", "\"😀\"", "\"{{1}}\"", "\"{{1}}{{2}}\"", "\"{{\"", "\"}}\"", "\"{{first_name}}\"",
        "\"HEADER\"", "\"body\"", "\"BUTTONS\"", "\"CAROUSEL\"", "\"LIMITED_TIME_OFFER\"", "\"OTP\"", "\"ZERO_TAP\"", "\"URL\"",
        "\"MARKETING\"", "\"AUTHENTICATION\"", "\"named\"", "\"TEXT\"", "\"IMAGE\"", "\"PRODUCT\"", "\"https://e.com/{{1}}\"",
        "[[\"a\",\"b\"]]", "[{\"param_name\":\"first_name\",\"example\":\"A\"}]", "{\"header_handle\":[\"h\"]}",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    ];

    private const int Cases = 6_000;

    [Fact]
    public void Six_thousand_mutated_definitions_never_throw()
    {
        var random = new Random(20261124);
        var seeds = TemplateExamples.All.Values.ToArray();
        var (accepted, refused) = (0, 0);
        for (var i = 0; i < Cases; i++)
        {
            var json = Mutate(seeds[i % seeds.Length], random);
            JsonDocument document;
            try { document = JsonDocument.Parse(json); }
            catch (JsonException) { continue; } // callers hand over parsed JSON; text the parser refuses is not this unit's input
            using (document)
            {
                var errors = new ValidationErrors();
                TemplateDefinitionRules.Validate(document.RootElement, "$.definition", errors);
                Assert.All(errors.All, e => Assert.StartsWith("$.definition", e.Path, StringComparison.Ordinal));
                Assert.All(errors.All, e => Assert.False(string.IsNullOrWhiteSpace(e.Rule) || string.IsNullOrWhiteSpace(e.Message)));
                if (errors.IsEmpty) accepted++; else refused++;
            }
        }
        // Some mutations keep the definition valid and most break it; otherwise the mutator tests nothing.
        Assert.InRange(accepted, 1, Cases);
        Assert.InRange(refused, Cases / 2, Cases);
    }

    /// <summary>Seeded structural and textual damage to <paramref name="seed"/>; the binder fuzz reuses it on send values.</summary>
    internal static string Mutate(string seed, Random random)
    {
        var root = JsonNode.Parse(seed)!;
        var steps = random.Next(1, 4);
        for (var s = 0; s < steps; s++)
        {
            var nodes = Nodes(root).Where(n => n.Parent is not null).ToList();
            if (nodes.Count == 0) break;
            var node = nodes[random.Next(nodes.Count)];
            var parent = node.Parent!;
            switch (random.Next(6))
            {
                case 0: // remove
                    if (parent is JsonObject o) o.Remove(node.GetPropertyName());
                    else ((JsonArray)parent).Remove(node);
                    break;
                case 1: // replace with a fragment
                    node.ReplaceWith(JsonNode.Parse(Fragments[random.Next(Fragments.Length)]));
                    break;
                case 2: // repeat an array item (more buttons, cards, components)
                    if (parent is JsonArray a) for (var n = random.Next(1, 12); n > 0; n--) a.Add(node.DeepClone());
                    break;
                case 3: // change the case or length of a string
                    if (node is JsonValue v && v.TryGetValue<string>(out var text))
                        node.ReplaceWith(random.Next(3) switch
                        {
                            0 => text.ToLowerInvariant(),
                            1 => text.ToUpperInvariant(),
                            _ => text + new string('a', random.Next(2000)),
                        });
                    break;
                case 4: // add an unknown or misplaced member
                    if (parent is JsonObject p && !p.ContainsKey("example"))
                        p["example"] = JsonNode.Parse(Fragments[random.Next(Fragments.Length)]);
                    break;
                default: // move a component into another array
                    if (parent is JsonArray target && nodes[random.Next(nodes.Count)] is JsonObject donor)
                        target.Add(donor.DeepClone());
                    break;
            }
        }
        var json = root.ToJsonString();
        // Textual damage the parser still accepts: duplicate members, an escaped lone surrogate (JsonNode cannot write one).
        if (random.Next(10) == 0) json = json.Replace("\"type\":", "\"type\":\"X\",\"type\":", StringComparison.Ordinal);
        if (random.Next(10) == 0) json = json.Replace("\"text\":\"", "\"text\":\"\\ud800", StringComparison.Ordinal);
        return json;
    }

    private static IEnumerable<JsonNode> Nodes(JsonNode? node)
    {
        if (node is null) yield break;
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.ToList())
        foreach (var descendant in Nodes(child))
            yield return descendant;
    }
}
