using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Functions.Tests.Inbound;
using WhatsAppHub.Functions.Tests.Support;
using WhatsAppHub.Functions.Tests.Templates;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Functions.Tests.Campaigns;

/// <summary>
/// Azurite, a sandbox that reviews templates and publishes signed status webhooks (sent, delivered, read) for every
/// send, and a hub that accepts them, sends up to 1,000 messages a second per number and keeps campaigns' default rate
/// low (5/s) so a test that names no rate sees it.
/// </summary>
public sealed class CampaignsFixture : IAsyncLifetime
{
    public const int DefaultRate = 5;

    public AzuriteProcess Azurite { get; } = new();

    public SandboxHost Sandbox { get; private set; } = null!;

    public HubHost Hub { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        var hubPort = FreePort.Next();
        Sandbox = await SandboxHost.StartAsync($"HubEventsUrl=http://127.0.0.1:{hubPort}/api/eum/events", "StatusDelayMs=10",
            "SnsRetries=0", "SnsSignatureVersion=2", $"TemplateReviewMs={TemplatesFixture.ReviewMs}", "MaxRecords=100000");
        Hub = await HubHost.StartAsync(Azurite.ConnectionString, Sandbox.BaseUrl, waitForStorage: true,
            $"Sns:AllowedTopicArns={SnsFixture.TopicArn}",
            $"Sns:TrustedTestCertificateHost={new Uri(Sandbox.BaseUrl).Authority}",
            "Outbound:RatePerSecond=1000",
            $"Campaigns:RatePerSecond={DefaultRate}",
            $"urls=http://127.0.0.1:{hubPort.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>Creates a template and waits for the sandbox's review to approve it; its name.</summary>
    public async Task<string> CreateApprovedAsync(Func<string, string> definition, string stem, string language)
    {
        var name = TemplateDefinitions.UniqueName(stem);
        using var created = await Hub.Http.PostAsync("/api/templates", Json(definition(name)));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        await WaitForAsync($"/api/templates/{name}?language={language}", t => (string?)t["status"] == "APPROVED", TimeSpan.FromSeconds(10));
        return name;
    }

    /// <summary>Polls <paramref name="location"/> until <paramref name="until"/> holds; fails the test with the last answer after <paramref name="within"/>.</summary>
    public async Task<JsonObject> WaitForAsync(string location, Func<JsonObject, bool> until, TimeSpan within)
    {
        JsonObject? last = null;
        for (var deadline = DateTime.UtcNow + within; DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            last = await Hub.Http.GetFromJsonAsync<JsonObject>(location);
            if (until(last!)) return last!;
        }
        Assert.Fail($"{location} never reached the expected state: {last}");
        return last!;
    }

    /// <summary>Creates a campaign; its answer (201 asserted).</summary>
    public async Task<JsonObject> CreateCampaignAsync(string json)
    {
        using var created = await Hub.Http.PostAsync("/api/campaigns", Json(json));
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        var campaign = JsonNode.Parse(body)!.AsObject();
        Assert.Equal($"/api/campaigns/{campaign["id"]}", created.Headers.Location?.OriginalString);
        return campaign;
    }

    /// <summary>Every recipient of a campaign, in audience order.</summary>
    public async Task<List<JsonObject>> RecipientsAsync(string campaignId, string? state = null)
    {
        var all = new List<JsonObject>();
        string? continuation = null;
        do
        {
            var query = $"/api/campaigns/{campaignId}/recipients?limit=200{(state is null ? "" : $"&state={state}")}{(continuation is null ? "" : $"&continuation={continuation}")}";
            var page = (await Hub.Http.GetFromJsonAsync<JsonObject>(query))!;
            all.AddRange(page["items"]!.AsArray().Select(i => i!.AsObject()));
            continuation = (string?)page["continuation"];
        } while (continuation is not null);
        return all;
    }

    /// <summary>How many messages the sandbox accepted for each number (by digits).</summary>
    public async Task<Dictionary<string, int>> SandboxSendsByNumberAsync()
    {
        var all = await Sandbox.Http.GetFromJsonAsync<JsonElement>("/sandbox/messages");
        var list = all.ValueKind == JsonValueKind.Array ? all : all.GetProperty("messages");
        return list.EnumerateArray()
            .Select(m => m.GetProperty("message"))
            .Where(m => m.ValueKind == JsonValueKind.Object && m.TryGetProperty("to", out _))
            .GroupBy(m => Core.Messaging.RecipientRules.ToWaId(m.GetProperty("to").GetString()!))
            .ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary><paramref name="count"/> numbers no other test uses: +44 7700 9 and a random block.</summary>
    public static List<string> NewNumbers(int count)
    {
        var block = Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture) + Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture);
        return Enumerable.Range(0, count).Select(i => $"+4479{block}{i.ToString("D5", CultureInfo.InvariantCulture)}").ToList();
    }

    /// <summary>When a hub message id was made: its first 12 hex digits are Unix milliseconds (a version-7 GUID).</summary>
    public static DateTimeOffset CreatedAt(string messageId) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(messageId[..12], NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A marketing template with a positional body of two variables and no header: one value per recipient.</summary>
    public static string Marketing(string name) => $$$"""
        { "name": "{{{name}}}", "language": "en", "category": "MARKETING",
          "components": [
            { "type": "BODY", "text": "Hello {{1}}, our spring sale ends {{2}}.", "example": { "body_text": [ [ "Priya", "Sunday" ] ] } },
            { "type": "FOOTER", "text": "Reply STOP to opt out" } ] }
        """;

    /// <summary>The recipients member of a JSON campaign: each number with its name and the same day.</summary>
    public static string Recipients(IEnumerable<string> numbers) =>
        "[" + string.Join(",", numbers.Select((n, i) => $$$"""{"to":"{{{n}}}","values":{"body":["Name{{{i}}}","Sunday"]}}""")) + "]";

    public async Task DisposeAsync()
    {
        await Hub.DisposeAsync();
        await Sandbox.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

[CollectionDefinition("Campaigns")]
public sealed class CampaignsCollection : ICollectionFixture<CampaignsFixture>;
