using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WhatsAppHub.Functions.Tests.Payments;

/// <summary>
/// What the payment tests do and look at through HTTP only: record a configuration, ask for a payment, have the
/// sandbox publish the payment status a gateway would cause, and read what the sandbox was asked to send.
/// </summary>
public static class PaymentTraffic
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    public static string NewContact() => "+9198" + Random.Shared.Next(10_000_000, 99_999_999);

    public static async Task<string> CreateConfigurationAsync(HttpClient hub, string gateway = "razorpay")
    {
        var name = Unique(gateway);
        using var response = await hub.PostAsJsonAsync("/api/payments/configurations", new JsonObject { ["configurationName"] = name, ["gateway"] = gateway });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return name;
    }

    /// <summary>Gold plan ₹500 + ₹90 tax = ₹590.00: the body of a valid request.</summary>
    public static JsonObject Request(string to, string configuration, string referenceId, int expiresInSeconds = 60, int reminderSeconds = 60,
        int maxAttempts = 3) => new()
    {
        ["to"] = to,
        ["configurationName"] = configuration,
        ["referenceId"] = referenceId,
        ["type"] = "digital-goods",
        ["items"] = new JsonArray(new JsonObject { ["retailerId"] = "PLAN-GOLD", ["name"] = "Gold plan (1 month)", ["amount"] = 50000, ["quantity"] = 1 }),
        ["subtotal"] = 50000,
        ["tax"] = 9000,
        ["total"] = 59000,
        ["body"] = $"Your order {referenceId} is ready for payment.",
        ["expiresInSeconds"] = expiresInSeconds,
        ["reminderSeconds"] = reminderSeconds,
        ["maxAttempts"] = maxAttempts,
    };

    /// <summary>Posts the request and returns the payment's id (202 expected).</summary>
    public static async Task<string> CreateAsync(HttpClient hub, JsonObject request)
    {
        using var response = await hub.PostAsJsonAsync("/api/payments", request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {text}");
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
        Assert.Equal($"/api/payments/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    /// <summary>The sandbox publishes a payment status for <paramref name="referenceId"/>, as the gateway's verdict reaches WhatsApp.</summary>
    public static async Task PublishAsync(HttpClient sandbox, string status, string from, string referenceId, string? reason = null)
    {
        var payment = new JsonObject { ["reference_id"] = referenceId };
        if (reason is not null) payment["transaction"] = new JsonObject { ["error"] = new JsonObject { ["reason"] = reason } };
        using var response = await sandbox.PostAsJsonAsync($"/sandbox/inbound/payment-{status}", new JsonObject { ["from"] = from, ["payment"] = payment });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var published = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.All(published["deliveries"]!.AsArray(), d => Assert.Equal(200, d!["hubStatus"]!.GetValue<int>()));
    }

    /// <summary>A gateway callback signed with <paramref name="secret"/> (or sent with <paramref name="signature"/> as given).</summary>
    public static async Task<HttpResponseMessage> CallbackAsync(HttpClient anonymous, string paymentId, string json, string secret, string? signature = null)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/payments/{paymentId}/status") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-WhatsAppHub-Signature", signature ?? Functions.Payments.GatewaySignature.Sign(secret, bytes));
        return await anonymous.SendAsync(request);
    }

    /// <summary>What the sandbox accepted for <paramref name="to"/>, in order: ("order_details", reference, "pending"), ("text", body, null), …</summary>
    public static async Task<List<(string Kind, string Detail, string? Status)>> SentToAsync(HttpClient sandbox, string to)
    {
        var all = await sandbox.GetFromJsonAsync<JsonElement>("/sandbox/messages");
        var sent = new List<(string, string, string?)>();
        foreach (var m in all.EnumerateArray())
        {
            if (m.GetProperty("accepted").ValueKind != JsonValueKind.True) continue;
            var message = m.GetProperty("message");
            if (!message.TryGetProperty("to", out var recipient) || recipient.GetString() != to) continue;
            if (message.TryGetProperty("interactive", out var interactive))
            {
                var parameters = interactive.GetProperty("action").GetProperty("parameters");
                sent.Add((interactive.GetProperty("type").GetString()!, parameters.GetProperty("reference_id").GetString()!,
                    parameters.GetProperty("order").GetProperty("status").GetString()));
            }
            else if (message.TryGetProperty("text", out var text))
                sent.Add(("text", text.GetProperty("body").GetString()!, null));
        }
        return sent;
    }

    public static async Task<List<(string Kind, string Detail, string? Status)>> WaitForSentAsync(HttpClient sandbox, string to, int count)
    {
        var sent = new List<(string, string, string?)>();
        for (var deadline = DateTime.UtcNow + Patience; DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            sent = await SentToAsync(sandbox, to);
            if (sent.Count >= count) return sent;
        }
        Assert.Fail($"The sandbox got {sent.Count} of {count} messages for {to}: {string.Join("; ", sent)}");
        return sent;
    }

    /// <summary>Polls <c>GET /api/payments/{id}</c> until the payment has <paramref name="status"/>.</summary>
    public static async Task<JsonElement> WaitForStatusAsync(HttpClient hub, string id, string status)
    {
        JsonElement last = default;
        for (var deadline = DateTime.UtcNow + Patience; DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            last = await hub.GetFromJsonAsync<JsonElement>($"/api/payments/{id}");
            if (last.GetProperty("status").GetString() == status) return last;
        }
        Assert.Fail($"Payment {id} did not reach {status}: {last}");
        return last;
    }
}
