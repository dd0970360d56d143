using System.Text;
using WhatsAppHub.Core.Subscriptions;

namespace WhatsAppHub.Core.Tests.Subscriptions;

public class WebhookSignatureTests
{
    private const string Secret = "0123456789abcdef-secret";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"id\":\"evt-1\",\"type\":\"status.read\"}");
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_790_000_000);

    [Fact]
    public void The_signature_is_the_hex_hmac_of_timestamp_dot_body()
    {
        // The documented recipe, written out here rather than taken from the code under test.
        var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes("1790000000." + Encoding.UTF8.GetString(Body))));

        Assert.Equal(expected, WebhookSignature.Sign(Secret, 1_790_000_000, Body));
    }

    [Fact]
    public void A_receiver_accepts_the_genuine_delivery_and_refuses_tampering_and_replays()
    {
        var signature = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);
        var timestamp = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tolerance = WebhookSignature.DefaultTolerance;

        Assert.True(WebhookSignature.Verify(Secret, timestamp, signature, Body, Now.AddMinutes(4), tolerance));
        Assert.False(WebhookSignature.Verify(Secret, timestamp, signature, Body, Now.AddMinutes(6), tolerance)); // replayed later
        Assert.False(WebhookSignature.Verify(Secret, (Now.ToUnixTimeSeconds() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), signature, Body, Now, tolerance));
        Assert.False(WebhookSignature.Verify(Secret, timestamp, signature, [.. Body, (byte)' '], Now, tolerance));
        Assert.False(WebhookSignature.Verify("another-secret-0000", timestamp, signature, Body, Now, tolerance));
        Assert.False(WebhookSignature.Verify(Secret, timestamp, signature[7..], Body, Now, tolerance));
        Assert.False(WebhookSignature.Verify(Secret, timestamp, "sha256=zz", Body, Now, tolerance));
        Assert.False(WebhookSignature.Verify(Secret, "soon", signature, Body, Now, tolerance));
    }
}
