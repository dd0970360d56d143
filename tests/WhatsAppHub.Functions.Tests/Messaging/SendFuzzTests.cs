using System.Text;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Messaging;

/// <summary>
/// Mutated bodies over real HTTP (seeded, so a failure reproduces): whatever arrives, the hub answers with a 2xx, a 4xx
/// problem document, or a 4xx/5xx from EUM's refusal of a syntactically valid message, but never a 500 of its own.
/// </summary>
[Collection("Hub")]
public class SendFuzzTests(HubFixture fixture)
{
    private const string Seed = """{"messaging_product":"whatsapp","to":"+447700900123","type":"text","text":{"body":"Hello","preview_url":true}}""";

    [Fact]
    public async Task Two_thousand_mutated_bodies_get_no_server_error()
    {
        await fixture.Hub.OpenServiceWindowAsync("+447700900123");
        var random = new Random(7071);
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < 2_000; i++)
        {
            var body = Mutate(random);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            using var response = await fixture.Hub.Http.PostAsync("/api/messages", content);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status == 500)
                Assert.Fail($"case {i} got 500 for body {Convert.ToBase64String(body)}: {await response.Content.ReadAsStringAsync()}");
            if (status >= 400)
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.True(statuses.GetValueOrDefault(202) > 0 && statuses.GetValueOrDefault(400) > 0,
            "the mutations should produce both valid and invalid bodies: " + string.Join(", ", statuses));
    }

    private static byte[] Mutate(Random random)
    {
        var bytes = Encoding.UTF8.GetBytes(Seed);
        switch (random.Next(4))
        {
            case 0:
                for (var n = random.Next(1, 3); n > 0; n--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return bytes;
            case 1:
                return bytes[..random.Next(bytes.Length)];
            case 2:
                var at = random.Next(bytes.Length);
                var junk = new byte[random.Next(1, 8)];
                random.NextBytes(junk);
                return [.. bytes[..at], .. junk, .. bytes[at..]];
            default:
                return bytes;
        }
    }
}
