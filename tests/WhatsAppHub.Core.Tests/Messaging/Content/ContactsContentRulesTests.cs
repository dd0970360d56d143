using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging.Content;

namespace WhatsAppHub.Core.Tests.Messaging.Content;

/// <summary>§1.5 contacts: an array of 1–257 cards.</summary>
public class ContactsContentRulesTests
{
    private const string Card = """{"name":{"formatted_name":"Priya Shah"}}""";

    [Fact]
    public void A_full_card_is_accepted() => Send.Accepted(Send.Content("contacts", """
        [{"name":{"formatted_name":"Priya Shah","first_name":"Priya","last_name":"Shah","middle_name":"K","suffix":"Jr","prefix":"Dr"},
          "birthday":"1990-02-28",
          "addresses":[{"street":"1 Riverside Walk","city":"London","state":"","zip":"SE1 7PB","country":"United Kingdom","country_code":"GB","type":"WORK"}],
          "emails":[{"email":"support@example.com","type":"WORK"}],
          "org":{"company":"Example Ltd","department":"Support","title":"Lead"},
          "phones":[{"phone":"+447700900456","type":"WORK","wa_id":"447700900456"}],
          "urls":[{"url":"https://example.com","type":"WORK"}]}]
        """));

    [Fact]
    public void Up_to_257_cards_are_accepted_and_258_refused()
    {
        string Cards(int n) => "[" + string.Join(",", Enumerable.Repeat(Card, n)) + "]";
        Send.Accepted(Send.Content("contacts", Cards(ContactsContentRules.MaxContacts)));
        Send.Refused(Send.Content("contacts", Cards(ContactsContentRules.MaxContacts + 1)), "$.contacts", "maxItems");
    }

    [Theory]
    [InlineData("[]", "$.contacts", "minItems")]
    [InlineData(Card, "$.contacts", "type")]                                                       // an array, not one card
    [InlineData("[7]", "$.contacts[0]", "type")]
    [InlineData("""[{"birthday":"1990-02-28"}]""", "$.contacts[0].name", "required")]
    [InlineData("""[{"name":{"first_name":"Priya"}}]""", "$.contacts[0].name.formatted_name", "required")]
    [InlineData("""[{"name":{"formatted_name":""}}]""", "$.contacts[0].name.formatted_name", "required")]
    [InlineData("""[{"name":{"formatted_name":"P","nickname":"Pri"}}]""", "$.contacts[0].name.nickname", "unknownMember")]
    [InlineData("""[{"name":{"formatted_name":"P"},"birthday":"28/02/1990"}]""", "$.contacts[0].birthday", "date")]
    [InlineData("""[{"name":{"formatted_name":"P"},"birthday":"1990-02-30"}]""", "$.contacts[0].birthday", "date")]
    [InlineData("""[{"name":{"formatted_name":"P"},"phones":[{"type":"WORK"}]}]""", "$.contacts[0].phones[0].phone", "required")]
    [InlineData("""[{"name":{"formatted_name":"P"},"phones":[{"phone":"+44 7700","wa_id":"+447700900456"}]}]""", "$.contacts[0].phones[0].wa_id", "pattern")]
    [InlineData("""[{"name":{"formatted_name":"P"},"emails":[{"type":"WORK"}]}]""", "$.contacts[0].emails[0].email", "required")]
    [InlineData("""[{"name":{"formatted_name":"P"},"urls":[{"url":1}]}]""", "$.contacts[0].urls[0].url", "type")]
    [InlineData("""[{"name":{"formatted_name":"P"},"addresses":[{"planet":"Earth"}]}]""", "$.contacts[0].addresses[0].planet", "unknownMember")]
    [InlineData("""[{"name":{"formatted_name":"P"},"org":{"company":1}}]""", "$.contacts[0].org.company", "type")]
    [InlineData("""[{"name":{"formatted_name":"P"},"emails":{"email":"a@b.c"}}]""", "$.contacts[0].emails", "type")]
    [InlineData("""[{"name":{"formatted_name":"P"},"colour":"red"}]""", "$.contacts[0].colour", "unknownMember")]
    public void Each_broken_contacts_rule_is_named(string content, string path, string rule) =>
        Send.Refused(Send.Content("contacts", content), path, rule);

    [Fact]
    public void A_wrong_member_type_is_reported_once()
    {
        var (_, errors) = Send.Content("contacts", """[{"name":{"formatted_name":5}}]""");
        Assert.Single(errors);
    }

    [Fact]
    public void The_cards_are_forwarded_as_an_array()
    {
        var (message, _) = Send.Content("contacts", $"[{Card}]");
        Assert.IsType<JsonArray>(JsonNode.Parse(message!.ToCloudApiJson())!["contacts"]);
    }
}
