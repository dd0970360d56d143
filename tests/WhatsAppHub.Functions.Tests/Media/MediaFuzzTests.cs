using System.Text;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Media;

/// <summary>Mutated validate bodies and malformed multipart uploads (seeded): a 2xx or a 4xx problem, never a 5xx.</summary>
[Collection("Hub")]
public class MediaFuzzTests(HubFixture fixture)
{
    [Fact]
    public async Task Mutated_validate_bodies_get_no_server_error()
    {
        const string seed = """{"type":"sticker","mimeType":"image/webp","size":1000,"fileName":"s.webp","animated":true}""";
        var mutator = new JsonMutator(new Random(4711));
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < 1500; i++)
        {
            var body = mutator.Mutate(seed);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            using var response = await fixture.Hub.Http.PostAsync("/api/media/validate", content);
            await ProblemAssert.NoServerError(response, $"case {i} for body {Convert.ToBase64String(body)}", statuses);
        }
        Assert.True(statuses.GetValueOrDefault(200) > 0 && statuses.GetValueOrDefault(400) > 0, string.Join(", ", statuses));
    }

    [Fact]
    public async Task Malformed_multipart_bodies_get_no_server_error()
    {
        var random = new Random(1234);
        const string boundary = "b0undary";
        var valid = $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\nPNGDATA\r\n" +
                    $"--{boundary}\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nimage\r\n--{boundary}--\r\n";
        string[] contentTypes =
        [
            $"multipart/form-data; boundary={boundary}", "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=other",
            $"multipart/form-data; boundary={new string('x', 300)}", "multipart/mixed; boundary=" + boundary, "text/plain", "application/x-www-form-urlencoded",
        ];
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < 600; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(valid);
            switch (random.Next(5))
            {
                case 0: bytes = bytes[..random.Next(bytes.Length)]; break; // truncated
                case 1: for (var j = 0; j < 3; j++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256); break;
                case 2: bytes = Encoding.UTF8.GetBytes(valid.Replace("name=\"file\"", random.Next(2) == 0 ? "" : "name=\"\"")); break;
                case 3: bytes = [.. bytes, .. Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nvideo\r\n--{boundary}--")]; break;
            }
            using var content = new ByteArrayContent(bytes);
            // Set without parsing so that malformed Content-Type values reach the hub as they are.
            content.Headers.TryAddWithoutValidation("Content-Type", contentTypes[i % 4 == 0 ? random.Next(contentTypes.Length) : 0]);
            using var response = await fixture.Hub.Http.PostAsync("/api/media", content);
            await ProblemAssert.NoServerError(response, $"case {i} for body {Convert.ToBase64String(bytes)}", statuses);
        }
        Assert.True(statuses.GetValueOrDefault(201) > 0 && statuses.GetValueOrDefault(400) > 0, string.Join(", ", statuses));
    }
}
