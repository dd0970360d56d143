using System.Text;
using WhatsAppHub.Functions.Tests.Inbound;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Payments;

/// <summary>
/// Payment ids and configuration names in paths come from callers too: random ones (any character, escaped; long;
/// look-alikes of real ids) read, change and delete nothing, and answer a 4xx problem document or a 2xx, never a 5xx.
/// </summary>
[Collection("Sns")]
public class PaymentPathFuzzTests(SnsFixture fixture)
{
    private static readonly string[] Shapes = ["0196f6e2", "PAYMENT|", "PAYREF|", "..", "%2F", "", "x", "main-razorpay", "configurations"];

    [Fact]
    public async Task Random_ids_and_names_in_payment_paths_get_no_server_error()
    {
        var random = new Random(9458);
        for (var i = 0; i < 600; i++)
        {
            var id = PathFuzz.RandomSegment(random, Shapes);
            var callback = Encoding.UTF8.GetBytes("""{"status":"captured"}""");
            using var request = (i % 5) switch
            {
                0 => new HttpRequestMessage(HttpMethod.Get, $"/api/payments/{id}"),
                1 => new HttpRequestMessage(HttpMethod.Get, $"/api/payments/configurations/{id}"),
                2 => new HttpRequestMessage(HttpMethod.Delete, $"/api/payments/configurations/{id}"),
                3 => new HttpRequestMessage(HttpMethod.Put, $"/api/payments/configurations/{id}")
                {
                    Content = new StringContent("""{"gateway":"razorpay"}""", Encoding.UTF8, "application/json"),
                },
                _ => new HttpRequestMessage(HttpMethod.Post, $"/api/payments/{id}/status") { Content = new ByteArrayContent(callback) },
            };
            if (i % 5 == 4)
            {
                request.Content!.Headers.ContentType = new("application/json");
                request.Headers.Add(Functions.Payments.GatewaySignature.Header, Functions.Payments.GatewaySignature.Sign(SnsFixture.PaymentCallbackSecret, callback));
            }
            await PathFuzz.AssertNoServerErrorAsync(fixture.Hub.Http, request);
        }
    }
}
