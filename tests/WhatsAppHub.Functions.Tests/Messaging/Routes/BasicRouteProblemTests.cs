using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Messaging.Routes;

/// <summary>Invalid bodies of the basic typed routes get one 400 problem naming every bad field by JSON path.</summary>
[Collection("Hub")]
public class BasicRouteProblemTests(HubFixture fixture)
{
    [Theory]
    [InlineData("image", """{"to":"+447700900123","image":{"id":"1","link":"http://cdn.example.com/a.jpg","caption":""}}""", new[] { "$.image", "$.image.caption", "$.image.link" })]
    [InlineData("audio", """{"to":"+447700900123","audio":{"id":"1","voice":"yes","caption":"hi"}}""", new[] { "$.audio.caption", "$.audio.voice" })]
    [InlineData("document", """{"to":"+447700900123","document":{"filename":"a/b.pdf"}}""", new[] { "$.document", "$.document.filename" })]
    [InlineData("location", """{"to":"+447700900123","location":{"latitude":91}}""", new[] { "$.location.latitude", "$.location.longitude" })]
    [InlineData("contacts", """{"to":"+447700900123","contacts":[{"name":{}},{"name":{"formatted_name":"P"},"birthday":"soon"}]}""", new[] { "$.contacts[0].name.formatted_name", "$.contacts[1].birthday" })]
    [InlineData("reaction", """{"to":"+447700900123","reaction":{"emoji":"ok"}}""", new[] { "$.reaction.emoji", "$.reaction.message_id" })]
    [InlineData("template", """{"to":"+447700900123","template":{"name":"Offer!","language":{"code":"en_GB"},"components":[{"type":"button","sub_type":"copy_code","index":0,"parameters":[{"type":"coupon_code","coupon_code":"MUCH_TOO_LONG_CODE"}]},{"type":"carousel","cards":[]}]}}""",
        new[] { "$.template.components[0].parameters[0].coupon_code", "$.template.components[1].cards", "$.template.name" })]
    [InlineData("text", """{"to":"+447700900123","context":{"message_id":""},"biz_opaque_callback_data":7,"text":{"body":"hi"}}""", new[] { "$.biz_opaque_callback_data", "$.context.message_id" })]
    [InlineData("text", """{"recipient_type":"group","to":"my group","text":{"body":"hi"}}""", new[] { "$.to" })]
    public async Task Every_bad_field_is_named(string route, string body, string[] paths)
    {
        var response = await fixture.Hub.Http.PostAsync($"/api/messages/{route}", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(paths, ProblemAssert.ErrorPaths(problem).Distinct().Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task A_typed_route_refuses_a_body_of_another_type()
    {
        var response = await fixture.Hub.Http.PostAsync("/api/messages/sticker",
            new StringContent("""{"to":"+447700900123","type":"image","image":{"id":"1"}}""", Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        Assert.Contains("$.type", ProblemAssert.ErrorPaths(problem));
    }

    [Fact]
    public async Task A_template_to_a_closed_window_is_accepted_while_an_image_is_refused()
    {
        const string to = "+15559990001"; // never wrote to the hub
        var template = await fixture.Hub.Http.PostAsync("/api/messages/template", new StringContent(
            $$$"""{"to":"{{{to}}}","template":{"name":"login_code","language":{"code":"en_US"},"components":[{"type":"body","parameters":[{"type":"text","text":"482913"}]}]}}""",
            Encoding.UTF8, "application/json"));
        var image = await fixture.Hub.Http.PostAsync("/api/messages/image", new StringContent(
            $$$"""{"to":"{{{to}}}","image":{"id":"1234567890123456"}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, template.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, image.StatusCode);
    }

    [Fact]
    public async Task A_wamid_holding_a_slash_is_marked_read_with_its_slash()
    {
        const string wamid = "wamid.HBgLMTU1NTAwMDEwMDcVAgASGBQzQTdC/kQ2QzY0QUY5NTk5RUY0MwA=";

        var response = await fixture.Hub.Http.PostAsJsonAsync($"/api/messages/{Uri.EscapeDataString(wamid)}/read", new { typingIndicator = false });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var all = await fixture.Sandbox.Http.GetFromJsonAsync<JsonElement>("/sandbox/messages");
        var list = all.ValueKind == JsonValueKind.Array ? all : all.GetProperty("messages");
        var receipt = list.EnumerateArray().Select(m => m.GetProperty("message"))
            .Single(m => m.ValueKind == JsonValueKind.Object && m.TryGetProperty("message_id", out var id) && id.GetString() == wamid);
        Assert.False(receipt.TryGetProperty("typing_indicator", out _));
    }

    [Theory]
    [InlineData("""{"phoneNumberId":"\ud800"}""")]
    [InlineData("""{"typingIndicator":true,"typingIndicator":false}""")]
    [InlineData("""[true]""")]
    public async Task A_bad_mark_as_read_body_is_a_validation_problem(string body)
    {
        var response = await fixture.Hub.Http.PostAsync("/api/messages/wamid.HBgL/read", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        Assert.Contains("$", ProblemAssert.ErrorPaths(problem));
    }
}
