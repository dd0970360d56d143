using System.Text.Json;
using System.Text.Json.Nodes;

namespace WhatsAppHub.Core.Tests.Messaging.Content;

/// <summary>
/// Every send example of the reference sheet's §1.2–1.6 and §1.8 (the ```json blocks of
/// <c>/work/shared/reference/whatsapp-cloud-api.md</c>, copied into ReferenceExamples.json so the test does not
/// depend on that folder; the two template button fragments are wrapped in a template) is accepted and forwarded
/// with its content unchanged.
/// </summary>
public class ReferenceExampleTests
{
    public static TheoryData<string> Names() => [.. Examples().Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void The_reference_example_is_accepted_and_forwarded_unchanged(string name)
    {
        var example = Examples().Single(e => e.Name == name).Message;
        var type = example["type"]!.GetValue<string>();

        var (message, errors) = Send.Read(example.ToJsonString());

        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Path} {e.Rule} {e.Message}")));
        var sent = JsonNode.Parse(message!.ToCloudApiJson())!;
        Assert.True(JsonNode.DeepEquals(example[type], sent[type]));
        Assert.True(JsonNode.DeepEquals(example["context"], sent["context"]));
    }

    [Fact]
    public void The_examples_cover_every_basic_type()
    {
        var types = Examples().Select(e => e.Message["type"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "text", "image", "audio", "document", "sticker", "location", "contacts", "reaction", "template" }, types);
    }

    private static IEnumerable<(string Name, JsonObject Message)> Examples()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Messaging", "Content", "ReferenceExamples.json");
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray()
            .Select(e => (e!["name"]!.GetValue<string>(), e["message"]!.AsObject()));
    }
}
