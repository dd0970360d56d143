using System.Text;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Messaging.Interactive;

namespace WhatsAppHub.Core.Tests.Messaging.Interactive;

/// <summary>Every interactive example of the reference is accepted and forwarded to EUM unchanged.</summary>
public class ReferenceExampleTests
{
    public static TheoryData<string> Names => [.. ReferenceExamples.All.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void The_reference_example_is_accepted_and_its_interactive_object_forwarded_unchanged(string name)
    {
        var example = JsonNode.Parse(ReferenceExamples.All[name])!;

        var (message, errors) = OutboundMessageReader.Default.Read(Encoding.UTF8.GetBytes(ReferenceExamples.All[name]));

        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Rule} at {e.Path}: {e.Message}")));
        var sent = JsonNode.Parse(message!.ToCloudApiJson())!;
        Assert.Equal("interactive", (string?)sent["type"]);
        Assert.True(JsonNode.DeepEquals(example["interactive"], sent["interactive"]));
    }

    [Fact]
    public void There_is_an_example_for_every_interactive_type_the_hub_sends()
    {
        var types = ReferenceExamples.All.Values.Select(e => (string)JsonNode.Parse(e)!["interactive"]!["type"]!).Distinct().Order();
        Assert.Equal(new InteractiveContentRules().SupportedTypes, types);
    }
}
