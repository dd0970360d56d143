using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Functions.Tests.Support;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Functions.Tests.Inbound;

[Collection("Sns")]
public class SnsEventsEndpointTests(SnsFixture fixture)
{
    private static StringContent Sns(string body) => new(body, Encoding.UTF8, "text/plain");

    private Task<HttpResponseMessage> PostAsync(string body, HubHost? hub = null) =>
        (hub ?? fixture.Hub).Anonymous.PostAsync("/api/eum/events", Sns(body));

    private static string IdOf(string body) => JsonNode.Parse(body)!["MessageId"]!.GetValue<string>();

    [Fact]
    public async Task A_send_through_the_hub_makes_the_sandbox_publish_statuses_that_are_stored_once_each()
    {
        var to = "1555555" + Random.Shared.Next(1000, 9999);
        var accepted = await fixture.Hub.Http.PostAsJsonAsync("/api/messages", new { to, type = "text", text = new { body = "status please" } });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var sent = await Messages.WaitForStatusAsync(fixture.Hub.Http, accepted.Headers.Location!.ToString(), "sent");
        var wamid = sent.GetProperty("wamid").GetString()!;

        List<JsonElement> deliveries = [];
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline && deliveries.Count < 3; await Task.Delay(100))
        {
            var log = await fixture.Sandbox.Http.GetFromJsonAsync<JsonElement>("/sandbox/sns/deliveries");
            deliveries = (log.ValueKind == JsonValueKind.Array ? log : log.GetProperty("deliveries")).EnumerateArray()
                .Where(d => d.GetProperty("message").ToString().Contains(wamid, StringComparison.Ordinal)).ToList();
        }

        Assert.Equal(3, deliveries.Count);
        foreach (var delivery in deliveries)
        {
            Assert.Equal(200, delivery.GetProperty("hubStatus").GetInt32());
            var row = await fixture.RowAsync(delivery.GetProperty("snsMessageId").GetString()!);
            Assert.NotNull(row);
            Assert.Contains(row.GetString("stage"), new[] { "received", "processed" });
            Assert.Equal("WEBHOOK_EVENT", row.GetString("itemType"));
            Assert.Contains(wamid, row.GetString("raw0"));
        }
    }

    [Fact]
    public async Task The_same_message_delivered_three_times_is_one_row()
    {
        var body = fixture.Signed();
        var id = IdOf(body);
        var outcomes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var response = await PostAsync(body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            outcomes.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString()!);
        }

        // Later deliveries find the row: "requeued" while it awaits processing, "duplicate" once processed.
        Assert.Equal("stored", outcomes[0]);
        Assert.All(outcomes.Skip(1), o => Assert.Contains(o, new[] { "requeued", "duplicate" }));
        var page = await fixture.Events.QueryAsync(new TableQuery
        {
            PartitionKey = Functions.Inbound.InboundEventStore.PartitionKey(id),
            Filter = $"RowKey eq '{Functions.Inbound.InboundEventStore.RowKey(id)}'",
        });
        Assert.Single(page.Rows);
        Assert.Equal(body, page.Rows[0].GetString("raw0"));
    }

    [Fact]
    public async Task Concurrent_duplicates_fold_into_one_row()
    {
        var body = fixture.Signed(version: 1);
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(body)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var id = IdOf(body);
        var page = await fixture.Events.QueryAsync(new TableQuery
        {
            PartitionKey = Functions.Inbound.InboundEventStore.PartitionKey(id),
            Filter = $"RowKey eq '{Functions.Inbound.InboundEventStore.RowKey(id)}'",
        });
        Assert.Single(page.Rows);
    }

    [Fact]
    public async Task A_row_stored_but_never_processed_is_queued_again_by_the_next_delivery()
    {
        var body = fixture.Signed();
        var id = IdOf(body);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body)).StatusCode);
        var processed = await WaitForProcessedAsync(id);
        // As if the instance died between the insert and the queue put: the row is there, nothing will process it.
        var row = (await fixture.RowAsync(id))!;
        row.Remove("processedAt");
        await fixture.Events.UpsertAsync(row, TableUpdateMode.Replace);

        var again = await PostAsync(body);
        Assert.Equal("requeued", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.True(await WaitForProcessedAsync(id) >= processed);
    }

    private async Task<DateTimeOffset> WaitForProcessedAsync(string id)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(50))
            if ((await fixture.RowAsync(id))?.GetDateTimeOffset("processedAt") is { } at) return at;
        throw new TimeoutException($"Event {id} was not processed.");
    }

    public static TheoryData<string, Func<SnsFixture, string>> Forgeries() => new()
    {
        { "forged signature", f => f.Signed().Replace("\"Signature\":\"", "\"Signature\":\"AAAA", StringComparison.Ordinal) },
        { "tampered body", f => f.Signed(tamper: m => m with { Message = m.Message.Replace("123456789012", "999999999999", StringComparison.Ordinal) }) },
        { "tampered message id", f => f.Signed(tamper: m => m with { MessageId = Guid.NewGuid().ToString() }) },
        { "certificate on another host", f => f.Signed(certificateUrl: f.CertificateUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)) },
        { "certificate on an AWS-looking host", f => f.Signed(certificateUrl: "https://sns.us-east-1.amazonaws.com.evil.example/cert.pem") },
        { "certificate path not .pem", f => f.Signed(certificateUrl: f.CertificateUrl.Replace(".pem", ".txt", StringComparison.Ordinal)) },
        { "certificate URL that is not a certificate", f => f.Signed(certificateUrl: f.CertificateUrl.Replace("certificate.pem", "nothing.pem", StringComparison.Ordinal)) },
        { "unknown topic", f => f.Signed(topicArn: "arn:aws:sns:us-east-1:123456789012:someone-else") },
        { "version 1 signature claimed as 2", f => f.Signed(version: 1).Replace("\"SignatureVersion\":\"1\"", "\"SignatureVersion\":\"2\"", StringComparison.Ordinal) },
        { "subscription for an unknown topic", f => f.Signed(type: "SubscriptionConfirmation", topicArn: "arn:aws:sns:us-east-1:123456789012:someone-else") },
        { "subscribe URL off SNS", f => f.Signed(type: "SubscriptionConfirmation", subscribeUrl: "http://169.254.169.254/latest/meta-data") },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Unverifiable_messages_get_403_and_nothing_is_stored(string what, Func<SnsFixture, string> body)
    {
        var text = body(fixture);
        var response = await PostAsync(text);

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.Forbidden, "sns-message-refused");
        Assert.True(problem.GetProperty("detail").GetString()!.Length > 0, what);
        Assert.Null(await fixture.RowAsync(IdOf(text)));
    }

    [Fact]
    public async Task A_message_type_header_that_contradicts_the_body_is_refused()
    {
        var body = fixture.Signed();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/eum/events") { Content = Sns(body) };
        request.Headers.Add("x-amz-sns-message-type", "SubscriptionConfirmation");
        await ProblemAssert.IsProblem(await fixture.Hub.Anonymous.SendAsync(request), HttpStatusCode.Forbidden, "sns-message-refused");
        Assert.Null(await fixture.RowAsync(IdOf(body)));
    }

    [Fact]
    public async Task A_subscription_confirmation_for_the_allowed_topic_is_confirmed_and_recorded()
    {
        var body = fixture.Signed(type: "SubscriptionConfirmation");
        var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("confirmed").GetBoolean());
        var row = (await fixture.RowAsync(IdOf(body)))!;
        Assert.True(row.GetBoolean("confirmed"));
        Assert.Equal(200, row.GetInt32("confirmStatus"));
    }

    [Fact]
    public async Task An_unsubscribe_confirmation_is_recorded_and_not_queued()
    {
        var body = fixture.Signed(type: "UnsubscribeConfirmation", version: 1);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body)).StatusCode);
        var row = (await fixture.RowAsync(IdOf(body)))!;
        Assert.Equal("UnsubscribeConfirmation", row.GetString("snsType"));
        Assert.Null(row.GetBoolean("confirmed"));
    }

    [Fact]
    public async Task Malformed_bodies_get_400_naming_the_fields()
    {
        var response = await PostAsync("""{"Type":"Notification","MessageId":"m"}""");
        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        var paths = ProblemAssert.ErrorPaths(problem).ToList();
        Assert.Contains("$.TopicArn", paths);
        Assert.Contains("$.Signature", paths);

        await ProblemAssert.IsProblem(await PostAsync("not json"), HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task A_large_message_is_stored_in_parts_and_joins_back_exactly()
    {
        var message = "{\"big\":\"" + string.Concat(Enumerable.Repeat("😀ab", 30_000)) + "\"}";
        var body = fixture.Signed(message: message);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body)).StatusCode);

        var store = (Functions.Inbound.InboundEventStore)fixture.Hub.Services.GetService(typeof(Functions.Inbound.InboundEventStore))!;
        var stored = await store.FindAsync(IdOf(body), CancellationToken.None);
        Assert.Equal(body, stored!.Value.Raw);
        Assert.True(stored.Value.Row.GetInt32("rawParts") > 1);
    }

    [Fact]
    public async Task With_storage_down_a_genuine_message_gets_503_so_SNS_retries()
    {
        var deadPort = FreePort.Next();
        var deadStorage = fixture.Azurite.ConnectionString
            .Replace($":{fixture.Azurite.TablePort}/", $":{deadPort}/")
            .Replace($":{fixture.Azurite.QueuePort}/", $":{deadPort}/");
        await using var hub = await fixture.StartHubAsync(deadStorage, waitForStorage: false);

        await ProblemAssert.IsProblem(await PostAsync(fixture.Signed(), hub), HttpStatusCode.ServiceUnavailable, "storage-unavailable");
    }

    [Fact]
    public async Task Thousands_of_mutated_bodies_never_get_a_5xx()
    {
        var mutator = new JsonMutator(new Random(20261124));
        string[] seeds = [fixture.Signed(), fixture.Signed(version: 1), fixture.Signed(type: "SubscriptionConfirmation"), fixture.Signed(type: "UnsubscribeConfirmation")];
        using var gate = new SemaphoreSlim(16);
        var tasks = Enumerable.Range(0, 3000).Select(i => mutator.Mutate(seeds[i % seeds.Length])).Select(async bytes =>
        {
            await gate.WaitAsync();
            try
            {
                using var content = new ByteArrayContent(bytes);
                using var response = await fixture.Hub.Anonymous.PostAsync("/api/eum/events", content);
                return ((int)response.StatusCode, Encoding.UTF8.GetString(bytes));
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        var results = await Task.WhenAll(tasks);

        var failures = results.Where(r => r.Item1 >= 500).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} answers were 5xx, e.g. {failures.FirstOrDefault()}");
        Assert.Contains(results, r => r.Item1 == 403);
        Assert.Contains(results, r => r.Item1 == 400);
    }
}
