using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppHub.Functions.Tests.Support;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Functions.Tests.Health;

[Collection("Hub")]
public class HealthTests(HubFixture fixture)
{
    [Fact]
    public async Task Healthy_when_tables_queues_and_eum_answer()
    {
        var response = await fixture.Hub.Anonymous.GetAsync("/api/health");
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", report.GetProperty("status").GetString());
        foreach (var check in new[] { "tables", "queues", "eum" })
            Assert.Equal("healthy", report.GetProperty("checks").GetProperty(check).GetProperty("status").GetString());
        Assert.Contains("waba-", report.GetProperty("checks").GetProperty("eum").GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unhealthy_with_the_failing_part_named_when_storage_and_eum_are_down()
    {
        var deadPort = FreePort.Next();
        var deadStorage = fixture.Azurite.ConnectionString
            .Replace($":{fixture.Azurite.TablePort}/", $":{deadPort}/")
            .Replace($":{fixture.Azurite.QueuePort}/", $":{deadPort}/");
        await using var hub = await HubHost.StartAsync(deadStorage, $"http://127.0.0.1:{deadPort}", waitForStorage: false);

        var response = await hub.Anonymous.GetAsync("/api/health");
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", report.GetProperty("status").GetString());
        foreach (var check in new[] { "tables", "queues", "eum" })
            Assert.Equal("unhealthy", report.GetProperty("checks").GetProperty(check).GetProperty("status").GetString());
    }

    [Fact]
    public async Task With_storage_down_sends_and_reads_get_503_and_nothing_reaches_eum()
    {
        var deadPort = FreePort.Next();
        var deadStorage = fixture.Azurite.ConnectionString.Replace($":{fixture.Azurite.TablePort}/", $":{deadPort}/");
        await using var hub = await HubHost.StartAsync(deadStorage, fixture.Sandbox.BaseUrl, waitForStorage: false);
        var before = await CountSendsAsync();

        var response = await hub.Http.PostAsJsonAsync("/api/messages", new { to = "15555550100", type = "text", text = new { body = "hi" } });

        await ProblemAssert.IsProblem(response, HttpStatusCode.ServiceUnavailable, "storage-unavailable");
        Assert.Equal(before, await CountSendsAsync());

        var read = await hub.Http.GetAsync("/api/messages/0000000000000000000000000000dead");
        await ProblemAssert.IsProblem(read, HttpStatusCode.ServiceUnavailable, "storage-unavailable");
    }

    private async Task<int> CountSendsAsync()
    {
        var requests = await fixture.Sandbox.Http.GetFromJsonAsync<JsonElement>("/sandbox/requests?operation=SendWhatsAppMessage");
        return (requests.ValueKind == JsonValueKind.Array ? requests : requests.GetProperty("requests")).GetArrayLength();
    }
}
