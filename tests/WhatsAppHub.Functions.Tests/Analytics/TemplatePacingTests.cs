using System.Net.Http.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging;

namespace WhatsAppHub.Functions.Tests.Analytics;

/// <summary>
/// Messages Meta's template pacing drops (a <c>failed</c> status with 132015) show on the template: the count of
/// dropped messages and the last drop, each message once however often its status comes; other failures do not.
/// (A template paused by an event is refused at send: TemplateSendTests.A_template_paused_by_an_event_is_refused.)
/// </summary>
[Collection("Analytics")]
public class TemplatePacingTests(AnalyticsFixture fixture)
{
    [Fact]
    public async Task Messages_dropped_by_pacing_show_on_the_template_once_each()
    {
        var name = await fixture.CreateTemplateAsync("paced");
        var before = await fixture.Hub.Http.GetFromJsonAsync<JsonObject>($"/api/templates/{name}?language=en_GB");
        Assert.Null(before!["pacing"]);

        for (var i = 0; i < 2; i++)
        {
            var to = AnalyticsFixture.NewRecipient();
            var (_, wamid) = await fixture.SendAsync(name, to);
            await fixture.PublishAsync("status-failed", Failed(wamid, to, 132015), copies: 3);
        }
        // Another failure is no pacing drop.
        var other = AnalyticsFixture.NewRecipient();
        var (_, otherWamid) = await fixture.SendAsync(name, other);
        await fixture.PublishAsync("status-failed", Failed(otherWamid, other, 131026));

        var template = await fixture.Hub.Http.GetFromJsonAsync<JsonObject>($"/api/templates/{name}?language=en_GB");
        var pacing = template!["pacing"]!;
        Assert.Equal(2, (long)pacing["droppedMessages"]!);
        var last = DateTimeOffset.Parse((string)pacing["lastDroppedAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(last, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        // Every language of the name shows it too.
        var languages = await fixture.Hub.Http.GetFromJsonAsync<JsonObject>($"/api/templates/{name}");
        Assert.Equal(2, (long)languages!["templates"]![0]!["pacing"]!["droppedMessages"]!);

        var analytics = await fixture.Hub.Http.GetFromJsonAsync<JsonObject>($"/api/templates/{name}/analytics?language=en_GB");
        Assert.Equal(2, (long)analytics!["totals"]!["failedByCode"]!["132015"]!);
    }

    private static string Failed(string wamid, string to, int code) =>
        $$"""{ "id": "{{wamid}}", "recipient_id": "{{RecipientRules.ToWaId(to)}}", "errors": [ { "code": {{code}}, "title": "Failed" } ] }""";
}
