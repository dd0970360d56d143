using System.Text;
using WhatsAppHub.Core.Workflows.Welcome;

namespace WhatsAppHub.Core.Tests.Workflows;

public class WelcomeSequenceRulesTests
{
    private static (WelcomeSequence? Sequence, IReadOnlyList<WhatsAppHub.Core.Validation.ValidationError> Errors) Read(string json, string? routeName = null) =>
        WelcomeSequenceRules.Read(Encoding.UTF8.GetBytes(json), routeName);

    [Fact]
    public void A_valid_sequence_is_read_with_its_defaults()
    {
        var (sequence, errors) = Read("""
            {"name":"spring-sale","adSourceIds":["120200"],"steps":[
              {"delaySeconds":0,"message":{"type":"text","text":{"body":"Hi!"}}},
              {"delaySeconds":3600,"message":{"type":"template","template":{"name":"promo","language":{"code":"en"}}}}]}
            """);
        Assert.Empty(errors);
        Assert.Equal("spring-sale", sequence!.Name);
        Assert.Equal(2, sequence.Steps.Count);
        Assert.Equal(3600, sequence.Steps[1].DelaySeconds);
        Assert.Equal(WelcomeSequence.Stop, sequence.OnReply);
        Assert.False(sequence.IsDefault);
    }

    [Fact]
    public void Every_bad_field_is_named_by_its_path()
    {
        var (sequence, errors) = Read("""
            {"name":"bad name!","steps":[{"delaySeconds":-1,"message":{"type":"text"}},{"message":{"type":"text","text":{"body":"x"},"to":"+1555"}},"x"],
             "onReply":"maybe","adSourceIds":["a","a",5],"extra":1}
            """);
        Assert.Null(sequence);
        var paths = errors.Select(e => e.Path).ToHashSet();
        Assert.Contains("$.name", paths);
        Assert.Contains("$.steps[0].delaySeconds", paths);
        Assert.Contains(errors, e => e.Path.StartsWith("$.steps[0].message", StringComparison.Ordinal) && e.Path != "$.steps[0].message.to");
        Assert.Contains("$.steps[1].delaySeconds", paths);
        Assert.Contains("$.steps[1].message.to", paths);
        Assert.Contains("$.steps[2]", paths);
        Assert.Contains("$.onReply", paths);
        Assert.Contains("$.adSourceIds[1]", paths);
        Assert.Contains("$.adSourceIds[2]", paths);
        Assert.Contains("$.extra", paths);
    }

    [Fact]
    public void A_sequence_nothing_would_start_or_a_branch_without_reply_steps_is_refused()
    {
        Assert.Contains(Read("""{"name":"n","steps":[{"delaySeconds":0,"message":{"type":"text","text":{"body":"x"}}}]}""").Errors,
            e => e.Path == "$.adSourceIds");
        Assert.Contains(Read("""{"name":"n","isDefault":true,"onReply":"branch","steps":[{"delaySeconds":0,"message":{"type":"text","text":{"body":"x"}}}]}""").Errors,
            e => e.Path == "$.replySteps");
        Assert.Contains(Read("""{"name":"n","isDefault":true,"steps":[]}""").Errors, e => e.Path == "$.steps");
        Assert.Contains(Read("""{"name":"m","isDefault":true,"steps":[{"delaySeconds":0,"message":{"type":"text","text":{"body":"x"}}}]}""", "n").Errors,
            e => e.Path == "$.name");
    }

    [Fact]
    public void A_step_is_a_message_or_a_template_never_both_or_neither()
    {
        var (sequence, errors) = Read("""
            {"name":"t","isDefault":true,"steps":[{"delaySeconds":0,"template":{"name":"spring_offer","language":"en_GB","values":{"body":{"code":"X"}}}}]}
            """);
        Assert.Empty(errors);
        Assert.Equal("spring_offer", sequence!.Steps[0].Template!["name"]!.GetValue<string>());
        Assert.Null(sequence.Steps[0].Message);

        var (_, bad) = Read("""
            {"name":"t","isDefault":true,"steps":[
              {"delaySeconds":0},
              {"delaySeconds":0,"message":{"type":"text","text":{"body":"x"}},"template":{"name":"a","language":"en"}},
              {"delaySeconds":0,"template":{"language":5,"values":"x","extra":1}}]}
            """);
        var paths = bad.Select(e => e.Path).ToHashSet();
        Assert.Contains("$.steps[0]", paths);
        Assert.Contains("$.steps[1]", paths);
        Assert.Contains("$.steps[2].template.name", paths);
        Assert.Contains("$.steps[2].template.language", paths);
        Assert.Contains("$.steps[2].template.values", paths);
        Assert.Contains("$.steps[2].template.extra", paths);
    }
}
