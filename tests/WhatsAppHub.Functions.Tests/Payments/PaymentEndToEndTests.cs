using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppHub.Functions.Tests.Inbound;
using static WhatsAppHub.Functions.Tests.Payments.PaymentTraffic;

namespace WhatsAppHub.Functions.Tests.Payments;

/// <summary>
/// Payments India end to end through the sandbox: the hub sends the order_details card, the sandbox publishes the
/// payment status a gateway would cause, and the hub confirms, retries or (with no payment) reminds and cancels,
/// checked by what the sandbox was asked to send and by <c>GET /api/payments/{id}</c>.
/// </summary>
[Collection("Sns")]
public class PaymentEndToEndTests(SnsFixture fixture)
{
    private HttpClient Hub => fixture.Hub.Http;

    private HttpClient Sandbox => fixture.Sandbox.Http;

    [Fact]
    public async Task Captured_the_card_is_confirmed_with_order_status_and_the_payment_is_captured()
    {
        var configuration = await CreateConfigurationAsync(Hub);
        var (to, reference) = (NewContact(), Unique("BM"));
        var id = await CreateAsync(Hub, Request(to, configuration, reference));

        Assert.Equal([("order_details", reference, "pending")], await WaitForSentAsync(Sandbox, to, 1));
        await PublishAsync(Sandbox, "captured", to, reference);

        var payment = await WaitForStatusAsync(Hub, id, "captured");
        Assert.Equal([("order_details", reference, "pending"), ("order_status", reference, "captured")], await WaitForSentAsync(Sandbox, to, 2));
        Assert.Equal((59000, "INR", reference, "completed"), (payment.GetProperty("total").GetInt64(), payment.GetProperty("currency").GetString(),
            payment.GetProperty("currentReference").GetString(), payment.GetProperty("workflow").GetProperty("status").GetString()));
        Assert.Equal("captured", payment.GetProperty("lastEvent").GetProperty("status").GetString());
        var messages = payment.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.False(string.IsNullOrEmpty(m.GetProperty("messageId").GetString())));

        var captured = await ListAllAsync("captured");
        Assert.Contains(id, captured.Select(p => p.GetProperty("id").GetString()));
        Assert.All(captured, p => Assert.Equal("captured", p.GetProperty("status").GetString()));
        Assert.DoesNotContain(id, (await ListAllAsync("pending")).Select(p => p.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Failed_the_card_is_marked_failed_a_retry_goes_out_under_the_next_reference_and_its_capture_counts()
    {
        var configuration = await CreateConfigurationAsync(Hub, "payu");
        var (to, reference) = (NewContact(), Unique("RT"));
        var id = await CreateAsync(Hub, Request(to, configuration, reference));
        await WaitForSentAsync(Sandbox, to, 1);

        await PublishAsync(Sandbox, "failed", to, reference, reason: "Card declined");
        var retried = await WaitForSentAsync(Sandbox, to, 3);
        // The two messages of one step are queued in order but sent concurrently, so their order at EUM is not fixed.
        Assert.Equal(("order_details", reference, "pending"), retried[0]);
        Assert.Equal([("order_details", reference + "-2", "pending"), ("order_status", reference, "failed")], retried[1..].Order());
        var waiting = await Hub.GetFromJsonAsync<JsonElement>($"/api/payments/{id}");
        Assert.Equal(("pending", 2, reference + "-2"), (waiting.GetProperty("status").GetString(), waiting.GetProperty("attempt").GetInt32(),
            waiting.GetProperty("currentReference").GetString()));

        await PublishAsync(Sandbox, "captured", to, reference + "-2");
        await WaitForStatusAsync(Hub, id, "captured");
        Assert.Equal(("order_status", reference + "-2", "captured"), (await WaitForSentAsync(Sandbox, to, 4))[3]);
    }

    [Fact]
    public async Task Failed_with_no_attempts_left_the_payment_fails()
    {
        var configuration = await CreateConfigurationAsync(Hub, "zaakpay");
        var (to, reference) = (NewContact(), Unique("FO"));
        var id = await CreateAsync(Hub, Request(to, configuration, reference, maxAttempts: 1));
        await WaitForSentAsync(Sandbox, to, 1);

        await PublishAsync(Sandbox, "failed", to, reference);

        var payment = await WaitForStatusAsync(Hub, id, "failed");
        Assert.Equal([("order_details", reference, "pending"), ("order_status", reference, "failed")], await WaitForSentAsync(Sandbox, to, 2));
        Assert.Equal("Payment declined by the bank", payment.GetProperty("lastEvent").GetProperty("errorReason").GetString());
        await Task.Delay(1000);
        Assert.Equal(2, (await SentToAsync(Sandbox, to)).Count); // no retry
    }

    [Fact]
    public async Task Expired_a_reminder_goes_out_then_the_order_is_cancelled()
    {
        var configuration = await CreateConfigurationAsync(Hub, "billdesk");
        var (to, reference) = (NewContact(), Unique("EX"));
        var started = DateTime.UtcNow;
        var id = await CreateAsync(Hub, Request(to, configuration, reference, expiresInSeconds: 2, reminderSeconds: 2));

        var reminded = await WaitForSentAsync(Sandbox, to, 2);
        Assert.Equal("text", reminded[1].Kind);
        Assert.Contains(reference, reminded[1].Detail, StringComparison.Ordinal);
        Assert.Contains("₹590.00", reminded[1].Detail, StringComparison.Ordinal);
        Assert.Contains("cancelled in 2 seconds", reminded[1].Detail, StringComparison.Ordinal);

        var payment = await WaitForStatusAsync(Hub, id, "expired");
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(4), "The expiry and the reminder period were not waited for.");
        Assert.Equal(("order_status", reference, "canceled"), (await WaitForSentAsync(Sandbox, to, 3))[2]);
        Assert.Equal("expired", payment.GetProperty("workflow").GetProperty("outcome").GetString());

        // A capture that arrives after the cancellation finds nothing waiting: the payment stays expired.
        await PublishAsync(Sandbox, "captured", to, reference);
        await Task.Delay(1000);
        Assert.Equal("expired", (await Hub.GetFromJsonAsync<JsonElement>($"/api/payments/{id}")).GetProperty("status").GetString());
        Assert.Equal(3, (await SentToAsync(Sandbox, to)).Count);
    }

    [Fact]
    public async Task A_payment_status_for_an_order_the_hub_never_sent_changes_nothing_and_is_not_a_message_status()
    {
        var to = NewContact();
        await PublishAsync(Sandbox, "captured", to, Unique("NOTOURS"));
        await Task.Delay(500);
        Assert.Empty(await SentToAsync(Sandbox, to));
    }

    [Fact]
    public async Task A_signed_gateway_callback_captures_the_payment_and_a_bad_signature_changes_nothing()
    {
        var configuration = await CreateConfigurationAsync(Hub);
        var (to, reference) = (NewContact(), Unique("GW"));
        var id = await CreateAsync(Hub, Request(to, configuration, reference));
        await WaitForSentAsync(Sandbox, to, 1);
        var body = $$"""{"status":"captured","referenceId":"{{reference}}","transactionId":"pay_GW1","amount":59000}""";

        using (var forged = await CallbackAsync(fixture.Hub.Anonymous, id, body, "not-the-secret"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
            Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        }
        using (var unsigned = await CallbackAsync(fixture.Hub.Anonymous, id, body, SnsFixture.PaymentCallbackSecret, signature: "sha256=00"))
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        // Even the function key does not stand in for the signature.
        using (var keyed = await CallbackAsync(Hub, id, body, SnsFixture.PaymentCallbackSecret, signature: ""))
            Assert.Equal(HttpStatusCode.Unauthorized, keyed.StatusCode);
        await Task.Delay(500);
        Assert.Equal("pending", (await Hub.GetFromJsonAsync<JsonElement>($"/api/payments/{id}")).GetProperty("status").GetString());
        Assert.Single(await SentToAsync(Sandbox, to));

        using (var signed = await CallbackAsync(fixture.Hub.Anonymous, id, body, SnsFixture.PaymentCallbackSecret))
            Assert.Equal(HttpStatusCode.Accepted, signed.StatusCode);
        var payment = await WaitForStatusAsync(Hub, id, "captured");
        Assert.Equal(("gateway", "pay_GW1"), (payment.GetProperty("lastEvent").GetProperty("source").GetString(),
            payment.GetProperty("lastEvent").GetProperty("transactionId").GetString()));
        Assert.Equal(("order_status", reference, "captured"), (await WaitForSentAsync(Sandbox, to, 2))[1]);

        // The payment has finished: another callback is a conflict, not a second confirmation.
        using var late = await CallbackAsync(fixture.Hub.Anonymous, id, body, SnsFixture.PaymentCallbackSecret);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task Signed_callbacks_with_bad_bodies_or_unknown_payments_are_refused_by_field()
    {
        var configuration = await CreateConfigurationAsync(Hub);
        var (to, reference) = (NewContact(), Unique("CB"));
        var id = await CreateAsync(Hub, Request(to, configuration, reference, maxAttempts: 2));
        var secret = SnsFixture.PaymentCallbackSecret;

        await ProblemFieldsAsync(await CallbackAsync(fixture.Hub.Anonymous, id, """{"status":"paid","amount":1.5,"extra":1}""", secret),
            "$.status", "$.amount", "$.extra");
        await ProblemFieldsAsync(await CallbackAsync(fixture.Hub.Anonymous, id, """{"status":"captured","referenceId":"someone-else"}""", secret),
            "$.referenceId");
        using var unknown = await CallbackAsync(fixture.Hub.Anonymous, "0196f6e2000070008000000000000000", """{"status":"captured"}""", secret);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("pending", (await Hub.GetFromJsonAsync<JsonElement>($"/api/payments/{id}")).GetProperty("status").GetString());
    }

    /// <summary>Every payment of a status, following the continuation two at a time so paging is exercised.</summary>
    private async Task<List<JsonElement>> ListAllAsync(string status)
    {
        var all = new List<JsonElement>();
        string? continuation = null;
        do
        {
            var url = $"/api/payments?status={status}&limit=2" + (continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation));
            var page = await Hub.GetFromJsonAsync<JsonElement>(url);
            all.AddRange(page.GetProperty("items").EnumerateArray());
            continuation = page.TryGetProperty("continuation", out var next) ? next.GetString() : null;
        } while (continuation is not null);
        return all;
    }

    private static async Task ProblemFieldsAsync(HttpResponseMessage response, params string[] paths)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
            var named = JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToHashSet();
            Assert.Superset(paths.ToHashSet(), named!);
        }
    }
}
