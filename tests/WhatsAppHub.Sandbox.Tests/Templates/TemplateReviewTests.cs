using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Sandbox.Tests.Support;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Sandbox.Tests.Templates;

/// <summary>
/// With <c>TemplateReviewMs</c> the sandbox reviews templates as Meta does: PENDING at creation, APPROVED later with a
/// signed <c>message_template_status_update</c> to the hub; <c>POST /sandbox/templates/{id}/status</c> plays any other change.
/// </summary>
public sealed class TemplateReviewTests : IAsyncLifetime
{
    private const string WabaId = "waba-0123456789abcdef0123456789abcdef";
    private CapturingListener _hub = null!;
    private SandboxHost _sandbox = null!;
    private SocialMessagingClient _eum = null!;

    public async Task InitializeAsync()
    {
        _hub = await CapturingListener.StartAsync();
        _sandbox = await SandboxHost.StartAsync($"HubEventsUrl={_hub.Url}", "Statuses=", "TemplateReviewMs=100");
        _eum = new SocialMessagingClient(new BasicAWSCredentials(SandboxHost.AccessKeyId, SandboxHost.SecretAccessKey),
            new SocialMessagingConfig { ServiceURL = _sandbox.BaseUrl, AuthenticationRegion = "us-east-1" });
    }

    public async Task DisposeAsync()
    {
        _eum.Dispose();
        await _sandbox.DisposeAsync();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task A_new_template_is_pending_then_approved_with_a_status_webhook()
    {
        var created = await _eum.CreateWhatsAppMessageTemplateAsync(new CreateWhatsAppMessageTemplateRequest
        {
            Id = WabaId,
            TemplateDefinition = Encoding.UTF8.GetBytes("""{"name":"review_me","language":"en_US","category":"UTILITY","components":[{"type":"BODY","text":"Hi"}]}"""),
        });
        Assert.Equal("PENDING", created.TemplateStatus);

        var value = await StatusEventAsync();
        Assert.Equal("APPROVED", (string?)value["event"]);
        Assert.Equal(created.MetaTemplateId, value["message_template_id"]!.ToJsonString());
        Assert.Equal(("review_me", "en_US"), ((string?)value["message_template_name"], (string?)value["message_template_language"]));
        var listed = await _eum.ListWhatsAppMessageTemplatesAsync(new ListWhatsAppMessageTemplatesRequest { Id = WabaId });
        Assert.Equal("APPROVED", listed.Templates.Single(t => t.TemplateName == "review_me").TemplateStatus);
    }

    [Fact]
    public async Task The_status_route_changes_the_template_and_tells_the_hub()
    {
        using var paused = await _sandbox.Http.PostAsync("/sandbox/templates/1029384756102938/status",
            new StringContent("""{"event":"PAUSED","reason":"LOW_QUALITY"}""", Encoding.UTF8, "application/json"));
        Assert.True(paused.IsSuccessStatusCode, await paused.Content.ReadAsStringAsync());

        var value = await StatusEventAsync();
        Assert.Equal(("PAUSED", "LOW_QUALITY", "order_shipped"), ((string?)value["event"], (string?)value["reason"], (string?)value["message_template_name"]));
        var listed = await _eum.ListWhatsAppMessageTemplatesAsync(new ListWhatsAppMessageTemplatesRequest { Id = WabaId });
        Assert.Equal("PAUSED", listed.Templates.Single(t => t.TemplateName == "order_shipped").TemplateStatus);

        using var unknown = await _sandbox.Http.PostAsync("/sandbox/templates/42/status", new StringContent("""{"event":"PAUSED"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(404, (int)unknown.StatusCode);
        using var bad = await _sandbox.Http.PostAsync("/sandbox/templates/x1/status", new StringContent("""{"event":"SLEEPING"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(400, (int)bad.StatusCode);
        Assert.Contains("$.event", await bad.Content.ReadAsStringAsync());
    }

    /// <summary>The value of the one template status webhook the hub received.</summary>
    private async Task<JsonNode> StatusEventAsync()
    {
        var requests = await _hub.WaitForAsync(1, TimeSpan.FromSeconds(10));
        var request = Assert.Single(requests);
        var message = JsonNode.Parse(request.Body)!["Message"]!.GetValue<string>();
        var parsed = EumEventParser.Parse(message).Event!;
        var account = Assert.Single(parsed.AccountEvents);
        Assert.Equal("message_template_status_update", account.Field);
        return JsonNode.Parse(account.ValueJson)!;
    }
}
