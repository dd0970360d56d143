namespace WhatsAppHub.Core.Tests.Messaging.Content;

/// <summary>§1.6 reaction, and its removal with an empty emoji.</summary>
public class ReactionContentRulesTests
{
    private const string Wamid = "wamid.HBgMNDQ3NzAwOTAwMTIzFQIAEhgUM0VCMDUxRTg5QzY4QTQ3RjRCNDQA";

    [Theory]
    [InlineData("👍")]
    [InlineData("❤️")]          // heart + variation selector
    [InlineData("👍🏽")]          // skin tone modifier
    [InlineData("👨‍👩‍👧")]          // zero-width-joiner family
    [InlineData("🇬🇧")]          // flag (two regional indicators)
    [InlineData("")]            // removes the reaction
    public void One_emoji_or_an_empty_one_is_accepted(string emoji) =>
        Send.Accepted(Send.Content("reaction", $$"""{"message_id":"{{Wamid}}","emoji":"{{emoji}}"}"""));

    [Theory]
    [InlineData("""{"emoji":"👍"}""", "$.reaction.message_id", "required")]
    [InlineData("""{"message_id":"wamid.a b","emoji":"👍"}""", "$.reaction.message_id", "pattern")]
    [InlineData($$"""{"message_id":"{{Wamid}}"}""", "$.reaction.emoji", "required")]
    [InlineData($$"""{"message_id":"{{Wamid}}","emoji":"👍👍"}""", "$.reaction.emoji", "emoji")]
    [InlineData($$"""{"message_id":"{{Wamid}}","emoji":"a"}""", "$.reaction.emoji", "emoji")]
    [InlineData($$"""{"message_id":"{{Wamid}}","emoji":" "}""", "$.reaction.emoji", "emoji")]
    [InlineData($$"""{"message_id":"{{Wamid}}","emoji":null,"count":1}""", "$.reaction.count", "unknownMember")]
    public void Each_broken_reaction_rule_is_named(string content, string path, string rule) =>
        Send.Refused(Send.Content("reaction", content), path, rule);

    [Fact]
    public void A_wamid_longer_than_512_characters_is_refused() =>
        Send.Refused(Send.Content("reaction", $$"""{"message_id":"{{new string('w', 513)}}","emoji":"👍"}"""), "$.reaction.message_id", "maxLength");
}
