using System.Text;
using WhatsAppHub.Functions.Tests.Inbound;

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
            var id = Uri.EscapeDataString(Shapes[random.Next(Shapes.Length)] + RandomText(random));
            if (id.Length == 0) id = "a";
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
            using var response = await fixture.Hub.Http.SendAsync(request);
            var status = (int)response.StatusCode;
            if (status >= 500)
                Assert.Fail($"{request.Method} {request.RequestUri} got {status}: {await response.Content.ReadAsStringAsync()}");
            if (status >= 400)
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                    $"{request.Method} {request.RequestUri} got {status} without a problem document");
        }
    }

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        for (var n = random.Next(0, random.Next(2) == 0 ? 40 : 700); n > 0; n--)
            text.Append(random.Next(4) switch
            {
                0 => (char)random.Next(0x20, 0x7f),
                1 => (char)random.Next(1, 0x20), // not NUL: Kestrel refuses a path with %00 itself
                2 => (char)random.Next(0x80, 0xd7ff),
                _ => "|/\\#?%'\"".AsSpan()[random.Next(8)],
            });
        return text.ToString();
    }
}
