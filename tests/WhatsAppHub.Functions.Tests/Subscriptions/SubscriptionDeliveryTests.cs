using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Core.Subscriptions;

namespace WhatsAppHub.Functions.Tests.Subscriptions;

/// <summary>
/// Events published through the hub's fan-out reach a real HTTP receiver on loopback: signed, retried with back-off,
/// dead-lettered after the last attempt, folded when published again, filtered by type, and stopped by a delete.
/// </summary>
[Collection("Subscribers")]
public class SubscriptionDeliveryTests(SubscriberFixture fixture)
{
    private const string Secret = "whsec-0123456789abcdef-test";

    private HttpClient Http => fixture.Hub.Http;

    [Fact]
    public async Task An_event_arrives_signed_with_the_hub_headers_and_the_normalized_body()
    {
        var endpoint = fixture.Receiver.Endpoint();
        var subscription = await SubscribeAsync(endpoint);
        var evt = SubscriberFixture.Event("status.read");

        Assert.Equal(1, await fixture.Fanout.PublishAsync([evt], default));
        var received = Assert.Single(await fixture.Receiver.WaitForAsync(endpoint, 1));

        // The signature, recomputed here from the documented recipe, not with the hub's code.
        var timestamp = received.Header("X-WhatsAppHub-Timestamp")!;
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret),
            (byte[])[.. Encoding.UTF8.GetBytes(timestamp + "."), .. received.Body]));
        Assert.Equal(expected, received.Header("X-WhatsAppHub-Signature"));
        Assert.InRange(long.Parse(timestamp, CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(),
            DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.True(WebhookSignature.Verify(Secret, timestamp, received.Header("X-WhatsAppHub-Signature"), received.Body, DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify("another-secret-0000", timestamp, received.Header("X-WhatsAppHub-Signature"), received.Body, DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance));
        Assert.Equal(evt.Id, received.Header("X-WhatsAppHub-Event-Id"));
        Assert.Equal("status.read", received.Header("X-WhatsAppHub-Event-Type"));
        Assert.StartsWith("application/json", received.Header("Content-Type"));
        var deliveryId = received.Header("X-WhatsAppHub-Delivery-Id");
        Assert.False(string.IsNullOrEmpty(deliveryId));

        var body = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal(evt.Id, body.GetProperty("id").GetString());
        Assert.Equal("status.read", body.GetProperty("type").GetString());
        Assert.Equal(evt.OccurredAt.ToUnixTimeSeconds(), body.GetProperty("occurredAt").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal("102030405060708", body.GetProperty("wabaId").GetString());
        Assert.Equal(evt.PhoneNumberId, body.GetProperty("phoneNumberId").GetString());
        Assert.Equal("447700900123", body.GetProperty("waId").GetString());
        Assert.Equal(1, body.GetProperty("data").GetProperty("nested").GetProperty("n").GetInt32()); // inlined as an object, not a string

        var delivery = await WaitForDeliveryAsync(subscription, deliveryId!, "delivered");
        Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(200, delivery.GetProperty("lastStatusCode").GetInt32());
        Assert.Equal(evt.Id, delivery.GetProperty("event").GetProperty("id").GetString());
        await Http.DeleteAsync(subscription);
    }

    [Fact]
    public async Task A_receiver_failing_twice_gets_the_event_on_the_third_attempt_after_back_off()
    {
        var endpoint = fixture.Receiver.Endpoint(500, 503, 200);
        var subscription = await SubscribeAsync(endpoint);

        await fixture.Fanout.PublishAsync([SubscriberFixture.Event("message.received")], default);
        var received = await fixture.Receiver.WaitForAsync(endpoint, 3);

        Assert.Equal(3, received.Count);
        Assert.Single(received.Select(r => r.Header("X-WhatsAppHub-Delivery-Id")).Distinct());
        Assert.Single(received.Select(r => Encoding.UTF8.GetString(r.Body)).Distinct()); // every attempt sends the same event
        // First retry after ~1 s (FirstRetrySeconds=1), the next after ~2 s: never sooner than a second.
        Assert.True(received[1].At - received[0].At >= TimeSpan.FromSeconds(0.9), $"second attempt after {received[1].At - received[0].At}");
        Assert.True(received[2].At - received[1].At >= TimeSpan.FromSeconds(1.5), $"third attempt after {received[2].At - received[1].At}");
        var delivery = await WaitForDeliveryAsync(subscription, received[0].Header("X-WhatsAppHub-Delivery-Id")!, "delivered");
        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        await Http.DeleteAsync(subscription);
    }

    [Fact]
    public async Task A_receiver_that_always_fails_ends_dead_lettered_and_an_operator_retry_delivers_it()
    {
        var endpoint = fixture.Receiver.Endpoint(500);
        var subscription = await SubscribeAsync(endpoint);
        var evt = SubscriberFixture.Event("status.failed");

        await fixture.Fanout.PublishAsync([evt], default);
        var received = await fixture.Receiver.WaitForAsync(endpoint, SubscriberFixture.MaxAttempts);
        var deliveryId = received[0].Header("X-WhatsAppHub-Delivery-Id")!;
        var delivery = await WaitForDeliveryAsync(subscription, deliveryId, "dead-lettered");

        Assert.Equal(SubscriberFixture.MaxAttempts, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(500, delivery.GetProperty("lastStatusCode").GetInt32());
        Assert.Contains("500", delivery.GetProperty("lastError").GetString());
        var deadLetters = await Http.GetFromJsonAsync<JsonElement>($"{subscription}/deliveries?status=dead-lettered");
        var listed = Assert.Single(deadLetters.GetProperty("items").EnumerateArray());
        Assert.Equal(deliveryId, listed.GetProperty("id").GetString());
        Assert.Equal(evt.Id, listed.GetProperty("eventId").GetString());
        Assert.Empty((await Http.GetFromJsonAsync<JsonElement>($"{subscription}/deliveries?status=delivered")).GetProperty("items").EnumerateArray());
        await Task.Delay(2500);
        Assert.Equal(SubscriberFixture.MaxAttempts, fixture.Receiver.Received(endpoint).Count); // no attempt after the last

        fixture.Receiver.Answer(endpoint, 204);
        using var retry = await Http.PostAsync($"{subscription}/deliveries/{deliveryId}/retry", null);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal($"{subscription}/deliveries/{deliveryId}", retry.Headers.Location?.OriginalString);
        await fixture.Receiver.WaitForAsync(endpoint, SubscriberFixture.MaxAttempts + 1);
        var delivered = await WaitForDeliveryAsync(subscription, deliveryId, "delivered");
        Assert.Equal(1, delivered.GetProperty("attempts").GetInt32());

        // Only a dead-lettered delivery can be sent again.
        using var again = await Http.PostAsync($"{subscription}/deliveries/{deliveryId}/retry", null);
        await Support.ProblemAssert.IsProblem(again, HttpStatusCode.Conflict, "delivery-not-retryable");
        await Http.DeleteAsync(subscription);
    }

    [Fact]
    public async Task A_410_Gone_dead_letters_at_once()
    {
        var endpoint = fixture.Receiver.Endpoint(410);
        var subscription = await SubscribeAsync(endpoint);

        await fixture.Fanout.PublishAsync([SubscriberFixture.Event("status.sent")], default);
        var received = await fixture.Receiver.WaitForAsync(endpoint, 1);
        var delivery = await WaitForDeliveryAsync(subscription, received[0].Header("X-WhatsAppHub-Delivery-Id")!, "dead-lettered");

        Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(410, delivery.GetProperty("lastStatusCode").GetInt32());
        await Http.DeleteAsync(subscription);
    }

    [Fact]
    public async Task A_receiver_that_never_answers_is_cut_off_at_the_time_out_and_retried()
    {
        var endpoint = fixture.Receiver.Endpoint(0, 200);
        var subscription = await SubscribeAsync(endpoint);

        await fixture.Fanout.PublishAsync([SubscriberFixture.Event("status.delivered")], default);
        var received = await fixture.Receiver.WaitForAsync(endpoint, 2);
        var delivery = await WaitForDeliveryAsync(subscription, received[0].Header("X-WhatsAppHub-Delivery-Id")!, "delivered");

        Assert.Equal(2, delivery.GetProperty("attempts").GetInt32());
        // TimeoutSeconds=2, then ~1 s of back-off.
        Assert.InRange(received[1].At - received[0].At, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(10));
        await Http.DeleteAsync(subscription);
    }

    [Fact]
    public async Task The_same_event_published_again_and_again_even_twice_in_one_call_is_delivered_once()
    {
        var endpoint = fixture.Receiver.Endpoint();
        var subscription = await SubscribeAsync(endpoint);
        var evt = SubscriberFixture.Event("status.read");

        var queued = new List<int>();
        queued.Add(await fixture.Fanout.PublishAsync([evt, evt], default)); // twice in one call, too
        for (var i = 0; i < 2; i++) queued.Add(await fixture.Fanout.PublishAsync([evt], default));
        await fixture.Receiver.WaitForAsync(endpoint, 1);
        queued.Add(await fixture.Fanout.PublishAsync([evt, evt], default));
        await Task.Delay(1500);

        Assert.Equal([1, 0, 0, 0], queued);
        Assert.Single(fixture.Receiver.Received(endpoint));
        Assert.Single((await Http.GetFromJsonAsync<JsonElement>($"{subscription}/deliveries")).GetProperty("items").EnumerateArray());
        await Http.DeleteAsync(subscription);
    }

    [Fact]
    public async Task A_status_filter_receives_status_events_but_not_received_messages()
    {
        var statusesOnly = fixture.Receiver.Endpoint();
        var everything = fixture.Receiver.Endpoint();
        var filtered = await SubscribeAsync(statusesOnly, "status.*");
        var all = await SubscribeAsync(everything);
        var message = SubscriberFixture.Event(HubEventTypes.MessageReceived);
        var status = SubscriberFixture.Event("status.delivered");

        await fixture.Fanout.PublishAsync([message, status], default);
        var toAll = await fixture.Receiver.WaitForAsync(everything, 2);
        var toFiltered = await fixture.Receiver.WaitForAsync(statusesOnly, 1);
        await Task.Delay(1000);

        Assert.Equal(new[] { message.Id, status.Id }.Order(), toAll.Select(r => r.Header("X-WhatsAppHub-Event-Id")).Order());
        Assert.Equal([status.Id], fixture.Receiver.Received(statusesOnly).Select(r => r.Header("X-WhatsAppHub-Event-Id")));
        var log = (await Http.GetFromJsonAsync<JsonElement>($"{filtered}/deliveries")).GetProperty("items");
        Assert.Equal(["status.delivered"], log.EnumerateArray().Select(d => d.GetProperty("eventType").GetString()));
        await Http.DeleteAsync(filtered);
        await Http.DeleteAsync(all);
    }

    [Fact]
    public async Task A_deleted_subscription_receives_nothing_more_not_even_its_queued_retries()
    {
        var endpoint = fixture.Receiver.Endpoint(500, 200);
        var subscription = await SubscribeAsync(endpoint);
        await fixture.Fanout.PublishAsync([SubscriberFixture.Event("status.read")], default);
        var first = await fixture.Receiver.WaitForAsync(endpoint, 1); // failed: a retry is waiting in the queue
        await WaitForDeliveryAsync(subscription, first[0].Header("X-WhatsAppHub-Delivery-Id")!, "retrying");

        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync(subscription)).StatusCode);
        var queuedAfter = await fixture.Fanout.PublishAsync([SubscriberFixture.Event("status.read")], default);
        await Task.Delay(3500); // past the retry's back-off

        Assert.Equal(0, queuedAfter);
        Assert.Single(fixture.Receiver.Received(endpoint));
    }

    [Fact]
    public async Task The_delivery_log_pages_newest_event_first_with_continuation_tokens()
    {
        var endpoint = fixture.Receiver.Endpoint();
        var subscription = await SubscribeAsync(endpoint, "account.*");
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var events = Enumerable.Range(0, 5).Select(i => SubscriberFixture.Event("account.phone_number_quality_update", at: start.AddMinutes(i))).ToList();

        await fixture.Fanout.PublishAsync(events, default);
        await fixture.Receiver.WaitForAsync(endpoint, 5);
        var seen = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = await Http.GetFromJsonAsync<JsonElement>($"{subscription}/deliveries?limit=2"
                + (continuation is null ? "" : "&continuation=" + Uri.EscapeDataString(continuation)));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("eventId").GetString()!));
            continuation = page.TryGetProperty("continuation", out var c) ? c.GetString() : null;
            pages++;
        } while (continuation is not null && pages < 10);

        Assert.Equal(events.Select(e => e.Id).Reverse(), seen);
        Assert.True(pages >= 3);
        await Http.DeleteAsync(subscription);
    }

    private async Task<string> SubscribeAsync(string endpoint, params string[] events)
    {
        using var response = await Http.PostAsJsonAsync("/api/subscriptions",
            new { endpoint, events = events.Length == 0 ? new[] { "*" } : events, secret = Secret });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private async Task<JsonElement> WaitForDeliveryAsync(string subscription, string deliveryId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement delivery;
        do
        {
            delivery = await Http.GetFromJsonAsync<JsonElement>($"{subscription}/deliveries/{deliveryId}");
            if (delivery.GetProperty("status").GetString() == status) return delivery;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        throw new Xunit.Sdk.XunitException($"Delivery {deliveryId} stayed '{delivery.GetProperty("status").GetString()}', expected '{status}': {delivery}");
    }
}
