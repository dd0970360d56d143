using System.Net.Http.Json;
using WhatsAppHub.Functions.Tests.Inbound;
using WhatsAppHub.Functions.Tests.Support;
using static WhatsAppHub.Functions.Tests.Payments.PaymentTraffic;

namespace WhatsAppHub.Functions.Tests.Payments;

/// <summary>
/// Mutated bodies over real HTTP (seeded, so a failure reproduces) for the payment routes: a payment request, a
/// configuration, a signed gateway callback. Whatever arrives, the answer is a 2xx or a 4xx problem document.
/// </summary>
[Collection("Sns")]
public class PaymentFuzzTests(SnsFixture fixture)
{
    private const int Cases = 600;

    [Fact]
    public async Task Mutated_payment_requests_configurations_and_callbacks_get_no_server_error()
    {
        var configuration = await CreateConfigurationAsync(fixture.Hub.Http);
        var request = Request(NewContact(), configuration, Unique("FZ"), expiresInSeconds: 3600).ToJsonString();
        var paymentId = await CreateAsync(fixture.Hub.Http, Request(NewContact(), configuration, Unique("FZC"), expiresInSeconds: 3600));
        var callback = """{"status":"pending","transactionId":"pay_FZ","amount":59000,"errorReason":"none"}""";
        var config = $$"""{"configurationName":"{{Unique("fz")}}","gateway":"payu","description":"fuzz"}""";
        var mutator = new JsonMutator(new Random(6_0100));
        var statuses = new Dictionary<int, int>();

        for (var i = 0; i < Cases; i++)
        {
            HttpResponseMessage response;
            string what;
            switch (i % 3)
            {
                case 0:
                {
                    var body = mutator.Mutate(request);
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new("application/json");
                    response = await fixture.Hub.Http.PostAsync("/api/payments", content);
                    what = "payment " + Convert.ToBase64String(body);
                    break;
                }
                case 1:
                {
                    var body = mutator.Mutate(config);
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new("application/json");
                    response = await fixture.Hub.Http.PostAsync("/api/payments/configurations", content);
                    what = "configuration " + Convert.ToBase64String(body);
                    break;
                }
                default:
                {
                    var body = mutator.Mutate(callback);
                    response = await CallbackAsync(fixture.Hub.Anonymous, paymentId, System.Text.Encoding.UTF8.GetString(body), SnsFixture.PaymentCallbackSecret);
                    what = "callback " + Convert.ToBase64String(body);
                    break;
                }
            }
            using (response) await ProblemAssert.NoServerError(response, $"case {i} ({what})", statuses);
        }
        Assert.True(statuses.GetValueOrDefault(400) > 0 && statuses.Keys.Any(s => s is >= 200 and < 300),
            "the mutations should produce both valid and invalid bodies: " + string.Join(", ", statuses));
        // The payment the callbacks were about is still readable whatever they said.
        var payment = await fixture.Hub.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/payments/{paymentId}");
        Assert.Equal(paymentId, payment.GetProperty("id").GetString());
    }
}
