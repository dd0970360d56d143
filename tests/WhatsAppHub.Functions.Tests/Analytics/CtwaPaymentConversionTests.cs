using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Tests.Inbound;
using static WhatsAppHub.Functions.Tests.Payments.PaymentTraffic;

namespace WhatsAppHub.Functions.Tests.Analytics;

/// <summary>
/// A captured payment converts a contact who came from a Click-to-WhatsApp ad: the referral through the sandbox, the
/// payment captured through the sandbox's payment status event, and the ad's funnel read over HTTP.
/// </summary>
[Collection("Sns")]
public class CtwaPaymentConversionTests(SnsFixture fixture)
{
    private HttpClient Hub => fixture.Hub.Http;

    [Fact]
    public async Task A_captured_payment_of_a_contact_from_an_ad_is_its_conversion()
    {
        var ad = "1202" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString(CultureInfo.InvariantCulture);
        var to = NewContact();
        using (var referral = await fixture.Sandbox.Http.PostAsJsonAsync("/sandbox/inbound/referral",
                   new JsonObject { ["from"] = RecipientRules.ToWaId(to), ["referral"] = new JsonObject { ["source_id"] = ad } }))
            Assert.Equal(HttpStatusCode.OK, referral.StatusCode);
        await WaitForAsync(ad, "conversations", 1);

        var reference = Unique("CT");
        var id = await CreateAsync(Hub, Request(to, await CreateConfigurationAsync(Hub), reference));
        await WaitForSentAsync(fixture.Sandbox.Http, to, 1);
        await PublishAsync(fixture.Sandbox.Http, "captured", to, reference);
        await WaitForStatusAsync(Hub, id, "captured");

        await WaitForAsync(ad, "conversions", 1);
        using var reported = await Hub.PostAsJsonAsync("/api/analytics/ctwa/conversions", new JsonObject { ["waId"] = RecipientRules.ToWaId(to) });
        var conversion = (await reported.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((HttpStatusCode.OK, false, "payment", id, 590.0, "INR"), (reported.StatusCode, (bool)conversion["counted"]!, (string?)conversion["kind"],
            (string?)conversion["reference"], (double)conversion["value"]!, (string?)conversion["currency"]));
    }

    /// <summary>Waits until the ad's <paramref name="step"/> reaches <paramref name="count"/> (the inbound path and the runner are asynchronous).</summary>
    private async Task WaitForAsync(string ad, string step, long count)
    {
        long seen = 0;
        for (var deadline = DateTime.UtcNow + Patience; DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            var metrics = await Hub.GetFromJsonAsync<JsonObject>($"/api/analytics/ctwa?sourceId={ad}");
            seen = (long)metrics!["ads"]![0]![step]!;
            if (seen >= count) break;
        }
        Assert.Equal(count, seen);
    }
}
