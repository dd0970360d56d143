using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using WhatsAppHub.Aws.Sns;
using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Sandbox.Tests.Support;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Sandbox.Tests.Inbound;

/// <summary>
/// A sandbox publishing to a capturing "hub", and the hub's own SNS verifier and EUM parser to read what arrives:
/// a notification counts only if the hub would accept it (signature checked against the served certificate).
/// </summary>
public sealed class InboundFixture : IAsyncLifetime
{
    private readonly HttpClient _certificates = new();
    private SnsMessageVerifier? _verifier;

    public CapturingListener Hub { get; private set; } = null!;
    public SandboxHost Sandbox { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Hub = await CapturingListener.StartAsync();
        // No status webhooks: every notification the hub sees comes from /sandbox/inbound.
        Sandbox = await SandboxHost.StartAsync($"HubEventsUrl={Hub.Url}", "Statuses=", "SnsRetryDelayMs=10");
        _verifier = new SnsMessageVerifier(new SnsUrlRules(SnsTrustedTestOrigin.TryParse("127.0.0.1")),
            new SnsCertificateCache(_certificates, TimeProvider.System));
    }

    public async Task DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        await Hub.DisposeAsync();
        _certificates.Dispose();
    }

    /// <summary>POSTs to a sandbox route and returns the status and JSON answer.</summary>
    public async Task<(int Status, JsonNode? Body)> PostAsync(string path, string? json = null)
    {
        using var content = new StringContent(json ?? "", Encoding.UTF8, "application/json");
        using var response = await Sandbox.Http.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async Task<JsonArray> ListAsync() => (await Sandbox.Http.GetFromJsonAsync<JsonArray>("/sandbox/inbound"))!;

    /// <summary>Every captured delivery of one SNS message, verified as the hub verifies them.</summary>
    public async Task<IReadOnlyList<Received>> ReceivedAsync(string snsMessageId)
    {
        var received = new List<Received>();
        foreach (var request in Hub.Requests.Where(r => r.Headers["x-amz-sns-message-id"] == snsMessageId))
        {
            var parsed = SnsEnvelopeParser.Parse(Encoding.UTF8.GetBytes(request.Body));
            Assert.True(parsed.IsValid, string.Join("; ", parsed.Problems.Select(p => $"{p.Field}: {p.Message}")));
            var verification = await _verifier!.VerifyAsync(parsed.Envelope!, CancellationToken.None);
            Assert.True(verification.Outcome == SnsVerificationOutcome.Genuine, verification.Reason);

            var eumEvent = JsonNode.Parse(parsed.Envelope!.Message)!;
            var entry = JsonNode.Parse(eumEvent["whatsAppWebhookEntry"]!.GetValue<string>())!;
            var read = EumEventParser.Parse(parsed.Envelope.Message);
            Assert.Null(read.Error);
            received.Add(new Received(request, parsed.Envelope, eumEvent, entry, read.Event!));
        }
        return received;
    }

    /// <summary>The one delivery of a single-copy publish.</summary>
    public async Task<Received> SingleAsync(JsonNode answer) =>
        Assert.Single(await ReceivedAsync(answer["events"]![0]!["snsMessageId"]!.GetValue<string>()));
}

/// <summary>One delivery as the hub saw it: the request, its SNS envelope, the EUM event, Meta's entry and the hub's reading.</summary>
public sealed record Received(CapturedRequest Request, SnsEnvelope Envelope, JsonNode EumEvent, JsonNode Entry, EumEvent Parsed)
{
    public JsonNode Change => Entry["changes"]![0]!;
    public JsonNode Value => Change["value"]!;
}
