using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using WhatsAppHub.Sandbox.Tests.Support;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Sandbox.Tests;

/// <summary>GET /sandbox/sends/by-callback-data: how many accepted sends carried each callback value (the benchmark's duplicate check).</summary>
public sealed class SendTallyTests : IAsyncLifetime
{
    private const string Phone = "phone-number-id-0123456789abcdef0123456789abcdef";
    private SandboxHost _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxHost.StartAsync("Statuses=");

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task Accepted_sends_are_counted_per_callback_value_and_refused_ones_are_not()
    {
        Assert.Equal(200, (await SendAsync("whatsapphub:a", Phone)).Status);
        Assert.Equal(200, (await SendAsync("whatsapphub:a", Phone)).Status);
        Assert.Equal(200, (await SendAsync("whatsapphub:b", Phone)).Status);
        Assert.Equal(404, (await SendAsync("whatsapphub:c", "phone-number-id-ffffffffffffffffffffffffffffffff")).Status);

        var tally = (await _sandbox.Http.GetFromJsonAsync<JsonObject>("/sandbox/sends/by-callback-data"))!;
        var counts = tally["counts"]!.AsObject();
        Assert.Equal(2, counts["whatsapphub:a"]!.GetValue<int>());
        Assert.Equal(1, counts["whatsapphub:b"]!.GetValue<int>());
        Assert.False(counts.ContainsKey("whatsapphub:c"));
        Assert.Equal(0, tally["untracked"]!.GetValue<long>());

        (await _sandbox.Http.PostAsync("/sandbox/reset", null)).EnsureSuccessStatusCode();
        var reset = (await _sandbox.Http.GetFromJsonAsync<JsonObject>("/sandbox/sends/by-callback-data"))!;
        Assert.Empty(reset["counts"]!.AsObject());
    }

    private Task<EumAnswer> SendAsync(string callback, string phone)
    {
        var message = $$"""{"messaging_product":"whatsapp","to":"+14255550123","type":"text","text":{"body":"x"},"biz_opaque_callback_data":"{{callback}}"}""";
        return _sandbox.Eum().SendAsync("POST", "/v1/whatsapp/send",
            new { originationPhoneNumberId = phone, metaApiVersion = "v20.0", message = Convert.ToBase64String(Encoding.UTF8.GetBytes(message)) });
    }
}
