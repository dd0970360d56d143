using System.Net;
using System.Text;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Messaging.Routes;

/// <summary>Broken interactive bodies are refused over HTTP with every bad field named, before anything is queued.</summary>
[Collection("Hub")]
public class InteractiveProblemTests(HubFixture fixture)
{
    [Theory]
    [InlineData("interactive/button",
        """{"to":"+447700900123","interactive":{"header":{"type":"text","text":"Hi"},"body":{"text":"Pick"},"action":{"buttons":[{"type":"reply","reply":{"id":"a","title":"Same"}},{"type":"reply","reply":{"id":"a","title":"Same"}},{"type":"reply","reply":{"id":"b","title":"Third"}},{"type":"reply","reply":{"id":"c","title":"Fourth"}}]}}}""",
        "$.interactive.action.buttons", "$.interactive.action.buttons[1].reply.id", "$.interactive.action.buttons[1].reply.title")]
    [InlineData("interactive/list",
        """{"to":"+447700900123","interactive":{"header":{"type":"image","image":{"id":"1"}},"body":{"text":"Pick"},"action":{"button":"A button label that is too long","sections":[{"rows":[{"id":"1","title":"One"}]},{"title":"Two","rows":[]}]}}}""",
        "$.interactive.action.button", "$.interactive.action.sections[0].title", "$.interactive.action.sections[1].rows", "$.interactive.header.type")]
    [InlineData("interactive/carousel",
        """{"to":"+447700900123","interactive":{"body":{"text":"Pick"},"footer":{"text":"No"},"action":{"cards":[{"card_index":0,"type":"product","action":{"product_retailer_id":"A","catalog_id":"1"}},{"card_index":0,"type":"product","action":{"product_retailer_id":"B","catalog_id":"2"}}]}}}""",
        "$.interactive.action.cards[1].action.catalog_id", "$.interactive.action.cards[1].card_index", "$.interactive.footer")]
    [InlineData("interactive/flow",
        """{"to":"+447700900123","interactive":{"body":{"text":"Go"},"action":{"name":"flow","parameters":{"flow_message_version":"3","flow_id":"1","flow_name":"x","flow_cta":"Go","flow_action":"data_exchange","flow_action_payload":{"screen":"A"}}}}}""",
        "$.interactive.action.parameters", "$.interactive.action.parameters.flow_action_payload")]
    [InlineData("interactive/cta_url",
        """{"to":"+447700900123","interactive":{"type":"list","body":{"text":"Go"},"action":{"button":"Open","sections":[{"rows":[{"id":"1","title":"One"}]}]}}}""",
        "$.interactive.type")]
    public async Task Every_broken_interactive_rule_is_named_by_json_path(string route, string body, params string[] paths)
    {
        using var response = await fixture.Hub.Http.PostAsync($"/api/messages/{route}", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(paths.Order(StringComparer.Ordinal), ProblemAssert.ErrorPaths(problem).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_interactive_message_without_its_type_is_refused_on_the_any_type_route()
    {
        using var response = await fixture.Hub.Http.PostAsync("/api/messages", new StringContent(
            """{"to":"+447700900123","type":"interactive","interactive":{"body":{"text":"Hi"},"action":{"name":"send_location"}}}""",
            Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["$.interactive.type"], ProblemAssert.ErrorPaths(problem));
    }
}
