using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WhatsAppHub.Functions.Tests.Workflows;

/// <summary>
/// What the welcome tests do and look at through HTTP only: write sequences to the hub, have the sandbox publish a
/// contact's referral or reply, and read back what the sandbox was asked to send to that contact.
/// </summary>
public static class WelcomeTraffic
{
    /// <summary>A sequence of text steps with these delays, bodies <c>{marker} step {n}</c>.</summary>
    public static JsonObject Sequence(string name, string marker, string adSourceId, params int[] delays) => new()
    {
        ["name"] = name,
        ["adSourceIds"] = new JsonArray(adSourceId),
        ["steps"] = new JsonArray(delays.Select((d, i) => (JsonNode)new JsonObject
        {
            ["delaySeconds"] = d,
            ["message"] = new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = $"{marker} step {i + 1}" } },
        }).ToArray()),
    };

    public static async Task CreateAsync(HttpClient hub, JsonObject sequence)
    {
        using var response = await hub.PostAsJsonAsync("/api/welcome-sequences", sequence);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The contact taps the ad and writes: a text message with a referral naming <paramref name="adSourceId"/>.</summary>
    public static Task ClickAsync(HttpClient sandbox, string from, string adSourceId) =>
        PublishAsync(sandbox, "referral", new JsonObject { ["from"] = from, ["referral"] = new JsonObject { ["source_id"] = adSourceId } });

    public static Task ReplyAsync(HttpClient sandbox, string from, string text) =>
        PublishAsync(sandbox, "text", new JsonObject { ["from"] = from, ["text"] = new JsonObject { ["body"] = text } });

    private static async Task PublishAsync(HttpClient sandbox, string type, JsonObject body)
    {
        using var response = await sandbox.PostAsJsonAsync($"/sandbox/inbound/{type}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var published = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.All(published["deliveries"]!.AsArray(), d => Assert.True(d!["hubStatus"]?.GetValue<int>() == 200, d.ToJsonString()));
    }

    /// <summary>The text bodies the sandbox was asked to send, per recipient digits.</summary>
    public static async Task<Dictionary<string, List<string>>> SentTextsAsync(HttpClient sandbox)
    {
        var all = await sandbox.GetFromJsonAsync<JsonElement>("/sandbox/messages");
        var byRecipient = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var m in all.EnumerateArray())
        {
            if (m.GetProperty("accepted").ValueKind != JsonValueKind.True) continue;
            var message = m.GetProperty("message");
            if (!message.TryGetProperty("to", out var to) || !message.TryGetProperty("text", out var text)) continue;
            var key = to.GetString()!.TrimStart('+');
            if (!byRecipient.TryGetValue(key, out var list)) byRecipient[key] = list = [];
            list.Add(text.GetProperty("body").GetString()!);
        }
        return byRecipient;
    }

    public static async Task<List<string>> SentToAsync(HttpClient sandbox, string from) =>
        (await SentTextsAsync(sandbox)).GetValueOrDefault(from.TrimStart('+')) ?? [];

    /// <summary>Polls until <paramref name="done"/> holds for what was sent to <paramref name="from"/>, or the time is up.</summary>
    public static async Task<List<string>> WaitForSentAsync(HttpClient sandbox, string from, Func<List<string>, bool> done, TimeSpan timeout)
    {
        var sent = new List<string>();
        for (var deadline = DateTime.UtcNow + timeout; DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            sent = await SentToAsync(sandbox, from);
            if (done(sent)) return sent;
        }
        return sent;
    }

    /// <summary>Polls <c>GET /api/workflows?type=WelcomeSequence</c> until the contact's instance has <paramref name="status"/>.</summary>
    public static async Task<JsonElement> WaitForInstanceAsync(HttpClient hub, string id, string status, TimeSpan timeout)
    {
        JsonElement last = default;
        for (var deadline = DateTime.UtcNow + timeout; DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            using var response = await hub.GetAsync($"/api/workflows/{id}");
            if (response.StatusCode != HttpStatusCode.OK) continue;
            last = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (last.GetProperty("status").GetString() == status) return last;
        }
        Assert.Fail($"Workflow {id} did not reach {status}: {last}");
        return last;
    }
}
