using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Sandbox.Tests.Support;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Sandbox.Tests;

/// <summary>
/// The hub's own EUM client against AWS's JavaScript client as the oracle: fed the same inputs
/// (<c>OfficialClient/operation-inputs.json</c>) in the same order against the same fresh sandbox, both must
/// put the same request on the wire (method, path, query, JSON body), correctly signed, as recorded by the sandbox.
/// </summary>
public sealed class ClientParityTests
{
    private const string WabaId = "waba-0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task Hub_client_sends_what_the_official_client_sends_for_every_operation()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var inputs = OfficialClient.LoadInputs();
        Assert.Equal(21, inputs.Count);
        Assert.Equal(
            typeof(ISocialMessaging).GetMethods().Select(m => m.Name).Order(),
            inputs.Select(i => i.Key + "Async").Order());

        var official = await OfficialClient.RunAsync(sandbox.BaseUrl, SandboxHost.AccessKeyId, SandboxHost.SecretAccessKey);
        var failed = official.Values.Where(r => r["ok"]!.GetValue<bool>() != true).Select(r => r.ToJsonString()).ToList();
        Assert.True(failed.Count == 0, "The official client failed:\n" + string.Join("\n", failed));
        var officialRequests = await RecordedAsync(sandbox);

        (await sandbox.Http.PostAsync("/sandbox/reset", null)).EnsureSuccessStatusCode();
        (await sandbox.Http.DeleteAsync("/sandbox/requests")).EnsureSuccessStatusCode();
        Assert.Empty(await RecordedAsync(sandbox));

        using var client = HubClient(sandbox, SandboxHost.SecretAccessKey);
        var responses = new Dictionary<string, AmazonWebServiceResponse>();
        foreach (var (operation, input) in inputs)
        {
            var request = JsonRequestMapper.ToRequest(operation, input!.AsObject());
            try
            {
                responses[operation] = await JsonRequestMapper.CallAsync(client, operation, request);
            }
            catch (AmazonServiceException e)
            {
                Assert.Fail($"The hub client failed on {operation}: {e.GetType().Name} {e.ErrorCode} {(int)e.StatusCode}: {e.Message}");
            }
        }
        var hubRequests = await RecordedAsync(sandbox);

        // What the hub client decoded from the sandbox's answers.
        T Out<T>(string operation) => Assert.IsType<T>(responses[operation]);
        Assert.StartsWith("wamid.", Out<SendWhatsAppMessageResponse>("SendWhatsAppMessage").MessageId);
        Assert.Equal(WabaId, Assert.Single(Out<ListLinkedWhatsAppBusinessAccountsResponse>("ListLinkedWhatsAppBusinessAccounts").LinkedAccounts).Id);
        var account = Out<GetLinkedWhatsAppBusinessAccountResponse>("GetLinkedWhatsAppBusinessAccount").Account!;
        Assert.Equal("arn:aws:sns:us-east-1:123456789012:whatsapphub-events", Assert.Single(account.EventDestinations).EventDestinationArn);
        Assert.NotNull(account.LinkDate);
        Assert.Matches("^[0-9]+$", Out<CreateWhatsAppMessageTemplateResponse>("CreateWhatsAppMessageTemplate").MetaTemplateId);
        Assert.Equal("image/jpeg", Out<GetWhatsAppMessageMediaResponse>("GetWhatsAppMessageMedia").MimeType);
        Assert.Equal(["env:sandbox", "project:whatsapphub"],
            Out<ListTagsForResourceResponse>("ListTagsForResource").Tags.Select(t => $"{t.Key}:{t.Value}").Order());

        // One request per operation on each side, in the inputs' order.
        Assert.Equal(inputs.Select(i => i.Key), officialRequests.Select(r => r["operation"]!.GetValue<string>()));
        Assert.Equal(inputs.Select(i => i.Key), hubRequests.Select(r => r["operation"]!.GetValue<string>()));
        var mismatches = officialRequests.Zip(hubRequests)
            .SelectMany(pair => Differences(pair.First, pair.Second, expectSignatureValid: true))
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n\n", mismatches));
    }

    [Fact]
    public async Task Both_clients_are_refused_the_same_way_with_a_wrong_secret()
    {
        const string wrongSecret = "not-the-sandbox-secret";
        string[] operations = ["GetLinkedWhatsAppBusinessAccount", "SendWhatsAppMessage"];
        await using var sandbox = await SandboxHost.StartAsync();
        var inputs = OfficialClient.LoadInputs();

        var official = await OfficialClient.RunAsync(sandbox.BaseUrl, SandboxHost.AccessKeyId, wrongSecret, operations);
        Assert.Equal(operations, official.Keys);
        Assert.All(official.Values, r =>
        {
            Assert.False(r["ok"]!.GetValue<bool>());
            Assert.Equal("InvalidSignatureException", r["error"]!["name"]!.GetValue<string>());
        });
        var officialRequests = await RecordedAsync(sandbox);
        (await sandbox.Http.DeleteAsync("/sandbox/requests")).EnsureSuccessStatusCode();

        using var client = HubClient(sandbox, wrongSecret);
        foreach (var operation in operations)
        {
            var request = JsonRequestMapper.ToRequest(operation, inputs[operation]!.AsObject());
            var e = await Assert.ThrowsAsync<SocialMessagingException>(() => JsonRequestMapper.CallAsync(client, operation, request));
            Assert.Equal(SocialMessagingErrorType.InvalidSignature, e.ErrorType);
        }
        var hubRequests = await RecordedAsync(sandbox);

        Assert.Equal(operations, officialRequests.Select(r => r["operation"]!.GetValue<string>()));
        Assert.Equal(operations, hubRequests.Select(r => r["operation"]!.GetValue<string>()));
        Assert.All(officialRequests.Concat(hubRequests), r =>
        {
            Assert.Equal("InvalidSignatureException", r["errorType"]?.GetValue<string>());
            Assert.Equal(403, r["responseStatus"]!.GetValue<int>());
        });
        var mismatches = officialRequests.Zip(hubRequests)
            .SelectMany(pair => Differences(pair.First, pair.Second, expectSignatureValid: false))
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n\n", mismatches));
    }

    private static SocialMessagingClient HubClient(SandboxHost sandbox, string secret) =>
        new(new BasicAWSCredentials(SandboxHost.AccessKeyId, secret),
            new SocialMessagingConfig { ServiceURL = sandbox.BaseUrl, AuthenticationRegion = "us-east-1" });

    private static async Task<List<JsonNode>> RecordedAsync(SandboxHost sandbox) =>
        (await sandbox.Http.GetFromJsonAsync<JsonArray>("/sandbox/requests"))!.Select(r => r!)
            .OrderBy(r => r["sequence"]!.GetValue<long>())
            .ToList();

    /// <summary>Where the hub's request differs from the official one; each entry shows both requests.</summary>
    private static IEnumerable<string> Differences(JsonNode official, JsonNode hub, bool expectSignatureValid)
    {
        var operation = official["operation"]!.GetValue<string>();
        var problems = new List<string>();
        if (Text(official, "method") != Text(hub, "method")) problems.Add("method differs");
        if (Text(official, "path") != Text(hub, "path")) problems.Add("path differs");
        if (!QueryPairs(official).SequenceEqual(QueryPairs(hub))) problems.Add("query differs");
        if (!JsonNode.DeepEquals(official["bodyJson"], hub["bodyJson"])) problems.Add("JSON body differs");
        if (official["bodyJson"] is null && Text(official, "body") != Text(hub, "body")) problems.Add("non-JSON body differs");
        foreach (var (side, request) in new[] { ("official", official), ("hub", hub) })
        {
            if (request["signatureValid"]!.GetValue<bool>() != expectSignatureValid)
            {
                problems.Add($"{side} signatureValid is {!expectSignatureValid} ({Text(request, "signatureErrorType")}: {Text(request, "signatureError")})");
            }
        }
        if (problems.Count > 0)
        {
            yield return $"{operation}: {string.Join("; ", problems)}\n  official: {Describe(official)}\n  hub:      {Describe(hub)}";
        }
    }

    /// <summary>The query as sorted, decoded name=value pairs (order is not significant; repeats would count).</summary>
    private static List<string> QueryPairs(JsonNode request) =>
        (Text(request, "queryString") ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Select(kv => Uri.UnescapeDataString(kv[0]) + "=" + (kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : ""))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string? Text(JsonNode request, string name) => request[name]?.GetValue<string>();

    private static string Describe(JsonNode request)
    {
        var text = new StringBuilder();
        text.Append(Text(request, "method")).Append(' ').Append(Text(request, "path"));
        if (Text(request, "queryString") is { Length: > 0 } query) text.Append('?').Append(query);
        text.Append(" body=").Append(Text(request, "body") is { Length: > 0 } body ? body : "(none)");
        text.Append(" signatureValid=").Append(request["signatureValid"]);
        return text.ToString();
    }
}
