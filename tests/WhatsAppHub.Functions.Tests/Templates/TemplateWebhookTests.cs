using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppHub.Functions.Tests.Support;
using WhatsAppHub.Sandbox.Eum.World;
using WhatsAppHub.Sandbox.Sns;
using static WhatsAppHub.Functions.Tests.Templates.TemplateLifecycleTests;

namespace WhatsAppHub.Functions.Tests.Templates;

/// <summary>
/// Meta's template webhooks, published by the sandbox as signed SNS notifications, move the stored template: status
/// (paused, with the reason; never back to an older one), quality and category.
/// </summary>
[Collection("Templates")]
public class TemplateWebhookTests(TemplatesFixture fixture)
{
    private HttpClient Http => fixture.Hub.Http;

    [Fact]
    public async Task A_pause_published_by_the_sandbox_makes_the_template_unsendable()
    {
        var (name, id) = await CreateApprovedAsync("paused");

        using var paused = await fixture.Sandbox.Http.PostAsync($"/sandbox/templates/{id}/status", Json("""{ "event": "PAUSED", "reason": "LOW_QUALITY" }"""));
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);

        var template = await fixture.WaitForAsync(name, "en_GB", t => (string?)t["status"] == "PAUSED");
        Assert.False((bool)template["sendable"]!);
        Assert.Equal("LOW_QUALITY", (string?)template["statusReason"]);
        var last = template["history"]!.AsArray()[^1]!;
        Assert.Equal(("status", "PAUSED", "webhook"), ((string?)last["what"], (string?)last["value"], (string?)last["source"]));
        // The sandbox keeps it too, so a sync agrees.
        await Http.PostAsync("/api/templates/sync", null);
        Assert.Equal("PAUSED", (string?)(await Http.GetFromJsonAsync<JsonObject>($"/api/templates/{name}?language=en_GB"))!["status"]);

        // A send of it is refused at accept, before EUM is called (Meta would answer 132015).
        using var send = await Http.PostAsJsonAsync("/api/messages", new
        {
            to = "+447700900123", type = "template", template = new { name, language = new { code = "en_GB" } },
        });
        await ProblemAssert.IsProblem(send, HttpStatusCode.UnprocessableEntity, "template-not-sendable");
        Assert.Equal("PAUSED", (string?)(await send.Content.ReadFromJsonAsync<JsonObject>())!["templateStatus"]);
    }

    [Fact]
    public async Task An_older_status_event_does_not_overwrite_a_newer_one()
    {
        var (name, id) = await CreateApprovedAsync("late_event");
        using var disabled = await fixture.Sandbox.Http.PostAsync($"/sandbox/templates/{id}/status", Json("""{ "event": "DISABLED" }"""));
        await fixture.WaitForAsync(name, "en_GB", t => (string?)t["status"] == "DISABLED");

        // A PAUSED from an hour ago arrives late (SNS retries, Meta resends), then a quality update that is current.
        var late = await PublishAsync("message_template_status_update", DateTimeOffset.UtcNow.AddHours(-1), new JsonObject
        {
            ["event"] = "PAUSED", ["message_template_id"] = long.Parse(id), ["message_template_name"] = name, ["message_template_language"] = "en_GB",
        });
        await PublishAsync("message_template_quality_update", DateTimeOffset.UtcNow, new JsonObject
        {
            ["previous_quality_score"] = "UNKNOWN", ["new_quality_score"] = "RED",
            ["message_template_id"] = long.Parse(id), ["message_template_name"] = name, ["message_template_language"] = "en_GB",
        });

        await fixture.WaitForAsync(name, "en_GB", t => (string?)t["qualityScore"] == "RED");
        await fixture.WaitProcessedAsync(late);
        var template = await Http.GetFromJsonAsync<JsonObject>($"/api/templates/{name}?language=en_GB");
        Assert.Equal("DISABLED", (string?)template!["status"]);
        Assert.DoesNotContain(template["history"]!.AsArray(), h => (string?)h!["value"] == "PAUSED");
    }

    [Fact]
    public async Task Category_events_record_an_impending_change_then_the_change()
    {
        var (name, id) = await CreateApprovedAsync("recategorised");
        var template = new JsonObject { ["message_template_id"] = long.Parse(id), ["message_template_name"] = name, ["message_template_language"] = "en_GB" };

        await PublishAsync("template_category_update", DateTimeOffset.UtcNow.AddSeconds(-1), new JsonObject
        {
            ["new_category"] = "UTILITY", ["correct_category"] = "MARKETING", ["category_update_timestamp"] = 1767225600,
        }.Merge(template));
        var impending = await fixture.WaitForAsync(name, "en_GB", t => (string?)t["correctCategory"] == "MARKETING");
        Assert.Equal("UTILITY", (string?)impending["category"]);

        await PublishAsync("template_category_update", DateTimeOffset.UtcNow, new JsonObject
        {
            ["previous_category"] = "UTILITY", ["new_category"] = "MARKETING",
        }.Merge(template));
        var changed = await fixture.WaitForAsync(name, "en_GB", t => (string?)t["category"] == "MARKETING");
        Assert.Equal("UTILITY", (string?)changed["previousCategory"]);
        Assert.Null(changed["correctCategory"]);
    }

    [Fact]
    public async Task A_quality_update_published_through_the_inbound_route_is_stored()
    {
        var (name, id) = await CreateApprovedAsync("quality");

        using var published = await fixture.Sandbox.Http.PostAsync("/sandbox/inbound/message_template_quality_update", Json($$"""
            { "message_template_id": {{id}}, "message_template_name": "{{name}}", "message_template_language": "en_GB",
              "previous_quality_score": "GREEN", "new_quality_score": "YELLOW" }
            """));
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        var template = await fixture.WaitForAsync(name, "en_GB", t => (string?)t["qualityScore"] == "YELLOW");
        Assert.True((bool)template["sendable"]!); // quality alone does not stop sends
    }

    /// <returns>The SNS MessageId, which names the hub's stored event.</returns>
    private async Task<string> PublishAsync(string field, DateTimeOffset at, JsonObject value)
    {
        var services = fixture.Sandbox.Services;
        var world = services.GetRequiredService<SandboxWorld>();
        var (account, phone) = world.Locked(w => (w.Accounts[0], w.Accounts[0].PhoneNumbers[0]));
        var entry = EumEventBuilder.ChangeEntry(account.MetaWabaId, field, value, at);
        var delivery = await services.GetRequiredService<SnsPublisher>().PublishAsync(
            services.GetRequiredService<EumEventBuilder>().Wrap(entry, account, phone), "test:" + field, CancellationToken.None);
        Assert.True(delivery.Delivered, delivery.Error);
        return delivery.SnsMessageId;
    }

    private async Task<(string Name, string Id)> CreateApprovedAsync(string stem)
    {
        var name = TemplateDefinitions.UniqueName(stem);
        using var created = await Http.PostAsync("/api/templates", Json(TemplateDefinitions.Utility(name)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var template = await fixture.WaitForAsync(name, "en_GB", t => (string?)t["status"] == "APPROVED");
        return (name, (string)template["metaTemplateId"]!);
    }
}

internal static class JsonObjectMerge
{
    public static JsonObject Merge(this JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source) target[key] = value?.DeepClone();
        return target;
    }
}
