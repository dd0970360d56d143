using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Functions.Events;
using WhatsAppHub.Functions.Storage;
using WhatsAppHub.Functions.Tests.Inbound;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Events;

/// <summary>
/// Webhooks published by the sandbox as signed SNS notifications end as normalized events in the history
/// (<c>GET /api/events</c>) and, for ad referrals, as CTWA_EVENT rows; duplicates of every kind fold.
/// </summary>
[Collection("Sns")]
public class EventHistoryTests(SnsFixture fixture)
{
    private const string MetaPhoneNumberId = "106540352242922"; // the sandbox's linked number

    private ITableStore EventsTable => new TableService(StorageConnection.Parse(fixture.Azurite.ConnectionString)).GetTable(HubTables.Events);

    [Fact]
    public async Task A_message_from_an_ad_is_listed_with_its_content_and_referral_and_stored_as_a_ctwa_event()
    {
        var waba = NewWaba();
        var wamid = NewWamid();
        var clid = "ARAk" + Guid.NewGuid().ToString("N");
        var contact = NewContact();
        var message = TextMessage(wamid, contact, "Tell me more", DateTimeOffset.UtcNow.AddMinutes(-1));
        message["referral"] = new JsonObject
        {
            ["source_url"] = "https://fb.me/abcd", ["source_id"] = "120200000000000001", ["source_type"] = "ad", ["headline"] = "Spring sale",
            ["body"] = "Up to 30% off", ["media_type"] = "image", ["image_url"] = "https://scontent.example/ad.jpg", ["ctwa_clid"] = clid,
            ["welcome_message"] = new JsonObject { ["text"] = "Hi! How can we help?" },
        };
        await PublishAsync(Entry(waba, Messages(contact, "Priya", message)));

        var item = Assert.Single(await ListAllAsync($"waba={waba}"));
        Assert.Equal(($"message:{wamid}", "message.received", waba, contact), (Str(item, "id"), Str(item, "type"), Str(item, "wabaId"), Str(item, "waId")));
        Assert.StartsWith("phone-number-id-", Str(item, "phoneNumberId"));
        var data = item.GetProperty("data");
        Assert.Equal("Tell me more", data.GetProperty("content").GetProperty("body").GetString());
        Assert.Equal("Priya", data.GetProperty("contactName").GetString());
        Assert.Equal(clid, data.GetProperty("referral").GetProperty("ctwaClid").GetString());

        var byClick = Assert.Single((await EventsTable.QueryAsync(new TableQuery { PartitionKey = CtwaEventStore.ClickPartition(clid) })).Rows);
        Assert.Equal(("CTWA_EVENT", "120200000000000001", "ad", "Spring sale", "Up to 30% off", "image"),
            (byClick.GetString("itemType"), byClick.GetString("sourceId"), byClick.GetString("sourceType"), byClick.GetString("headline"),
             byClick.GetString("body"), byClick.GetString("mediaType")));
        Assert.Equal(("Hi! How can we help?", wamid, "Tell me more", contact), (byClick.GetString("welcomeMessageText"), byClick.GetString("wamid"),
            byClick.GetString("text"), byClick.GetString("waId")));
        var byContact = await EventsTable.QueryAsync(new TableQuery { PartitionKey = CtwaEventStore.ContactPartition(Str(item, "phoneNumberId"), contact) });
        Assert.Equal(clid, Assert.Single(byContact.Rows).GetString("ctwaClid"));
        var byAd = await EventsTable.QueryAsync(new TableQuery { PartitionKey = CtwaEventStore.AdPartition(waba, "120200000000000001") });
        Assert.Equal(wamid, Assert.Single(byAd.Rows).GetString("wamid"));
    }

    [Fact]
    public async Task The_same_sns_message_three_times_and_the_same_webhook_under_two_message_ids_leave_one_event_each()
    {
        var waba = NewWaba();
        var contact = NewContact();
        var wamid = NewWamid();
        var now = DateTimeOffset.UtcNow.AddMinutes(-2);
        // Six messages: four shards cannot hold them one per partition, so a redelivery meets a refused transaction too.
        var value = Messages(contact, "Mara", [TextMessage(wamid, contact, "hello", now), .. Enumerable.Range(1, 5).Select(i => TextMessage(NewWamid(), contact, $"m{i}", now.AddSeconds(i)))]);
        value["statuses"] = new JsonArray(Status("wamid.OUT" + Guid.NewGuid().ToString("N"), "delivered", contact, now));
        var entry = Entry(waba, value, new JsonObject { ["field"] = "account_update", ["value"] = new JsonObject { ["event"] = "PARTNER_ADDED" } });
        entry["time"] = now.ToUnixTimeSeconds();

        var body = fixture.Signed(message: EumEvent(entry));
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await fixture.Hub.Anonymous.PostAsync("/api/eum/events", new StringContent(body, Encoding.UTF8, "text/plain"))).StatusCode);
        await WaitProcessedAsync(JsonNode.Parse(body)!["MessageId"]!.GetValue<string>());
        await PublishAsync(entry); // Meta's retry: the same webhook in a new EUM event, under a new SNS MessageId

        var items = await ListAllAsync($"waba={waba}");
        Assert.Equal(["account.account_update", .. Enumerable.Repeat("message.received", 6), "status.delivered"], items.Select(i => Str(i, "type")).Order());
        Assert.Equal(8, items.Select(i => Str(i, "id")).Distinct().Count());
        Assert.Contains(items, i => Str(i, "id") == $"message:{wamid}");
        // Not only the listing: the table holds one row per event.
        var rows = await EventsTable.QueryAsync(new TableQuery
        {
            Filter = $"PartitionKey ge '{EventKeys.WebhookEventPrefix}|{waba}|' and PartitionKey lt '{EventKeys.WebhookEventPrefix}|{waba}}}'",
        });
        Assert.Equal(8, rows.Rows.Count);
    }

    [Fact]
    public async Task An_account_update_an_unknown_field_and_an_unreadable_change_appear_as_events()
    {
        var waba = NewWaba();
        var entry = Entry(waba, null,
            new JsonObject
            {
                ["field"] = "account_update",
                ["value"] = new JsonObject { ["event"] = "DISABLED_UPDATE", ["ban_info"] = new JsonObject { ["waba_ban_state"] = "SCHEDULE_FOR_DISABLE" } },
            },
            new JsonObject { ["field"] = "brand_new_field", ["value"] = new JsonObject { ["x"] = 1 } },
            JsonValue.Create(7));
        entry["time"] = DateTimeOffset.UtcNow.AddMinutes(-3).ToUnixTimeSeconds();
        await PublishAsync(entry);

        var accounts = await ListAllAsync($"waba={waba}&type=account.*");
        Assert.Equal(["account.account_update", "account.brand_new_field"], accounts.Select(i => Str(i, "type")).Order());
        var update = accounts.Single(i => Str(i, "type") == "account.account_update").GetProperty("data");
        Assert.Equal("DISABLED_UPDATE", update.GetProperty("event").GetString());
        Assert.Equal("SCHEDULE_FOR_DISABLE", update.GetProperty("value").GetProperty("ban_info").GetProperty("waba_ban_state").GetString());
        Assert.False(accounts.Single(i => Str(i, "type") == "account.brand_new_field").GetProperty("data").GetProperty("known").GetBoolean());

        var unknown = Assert.Single(await ListAllAsync($"waba={waba}&type=unknown"));
        Assert.Equal(7, unknown.GetProperty("data").GetProperty("raw").GetInt32());
        Assert.Equal(3, (await ListAllAsync($"waba={waba}&type=*")).Count);
    }

    [Fact]
    public async Task Pages_come_newest_first_by_type_and_time_and_the_continuation_reaches_every_event_once()
    {
        var waba = NewWaba();
        var contact = NewContact();
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        var times = Enumerable.Range(0, 7).Select(i => start.AddMinutes(i * 10)).ToList();
        var value = Messages(contact, "Ana", times.Select((t, i) => TextMessage(NewWamid(), contact, $"m{i}", t)).ToArray());
        value["statuses"] = new JsonArray(Status(NewWamid(), "read", contact, start.AddMinutes(5)), Status(NewWamid(), "sent", contact, start.AddMinutes(25)));
        await PublishAsync(Entry(waba, value));

        var seen = new List<JsonElement>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = await GetAsync($"waba={waba}&type=message.received&limit=3" + (continuation is null ? "" : "&continuation=" + continuation));
            seen.AddRange(page.GetProperty("items").EnumerateArray());
            continuation = page.TryGetProperty("continuation", out var next) ? next.GetString() : null;
            pages++;
        }
        while (continuation is not null && pages < 10);
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => $"m{i}"), seen.Select(i => i.GetProperty("data").GetProperty("content").GetProperty("body").GetString()));

        Assert.Equal(["status.sent", "status.read"], (await ListAllAsync($"waba={waba}&type=status.*")).Select(i => Str(i, "type")));
        var window = await ListAllAsync($"waba={waba}&from={Iso(times[2])}&until={Iso(times[4])}");
        Assert.Equal(["m4", "m3", "status.sent", "m2"], window.Select(i => Str(i, "type") == "message.received"
            ? i.GetProperty("data").GetProperty("content").GetProperty("body").GetString() : Str(i, "type")));
        Assert.Equal(7, (await ListAllAsync($"waba={waba}&waId=%2B{contact}&type=message.received")).Count);
        Assert.Empty(await ListAllAsync($"waba={waba}&waId=4915200000000"));
        Assert.Empty(await ListAllAsync($"waba={waba}&from={Iso(start.AddDays(-3))}&until={Iso(start.AddDays(-2))}"));
    }

    [Fact]
    public async Task Overlong_ids_and_a_referral_full_of_text_are_still_recorded_whole_in_the_history()
    {
        var waba = NewWaba();
        var contact = NewContact();
        var wamid = "wamid./+=?#" + new string('A', 3000);
        var message = TextMessage(wamid, contact, new string('x', 40_000), DateTimeOffset.UtcNow.AddMinutes(-1));
        message["referral"] = new JsonObject { ["source_id"] = new string('9', 2000), ["body"] = new string('b', 40_000), ["ctwa_clid"] = new string('c', 1500) };
        await PublishAsync(Entry(waba, Messages(contact, "Long", message)));

        var item = Assert.Single(await ListAllAsync($"waba={waba}"));
        Assert.Equal($"message:{wamid}", Str(item, "id")); // hashed in the keys, whole in the row
        Assert.Equal(wamid, item.GetProperty("data").GetProperty("wamid").GetString());
        Assert.Equal(40_000, item.GetProperty("data").GetProperty("content").GetProperty("body").GetString()!.Length);
        Assert.Equal(40_000, item.GetProperty("data").GetProperty("referral").GetProperty("body").GetString()!.Length);
    }

    [Fact]
    public async Task Bad_query_values_are_refused_with_a_problem_naming_each()
    {
        var response = await fixture.Hub.Http.GetAsync("/api/events?type=Status!&from=yesterday&until=2026-13-01&limit=0&continuation=%25%25&phoneNumberId=abc&waId=12x");
        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["query.waba", "query.type", "query.phoneNumberId", "query.waId", "query.from", "query.until", "query.limit", "query.continuation"],
            ProblemAssert.ErrorPaths(problem).Distinct());

        var span = await fixture.Hub.Http.GetAsync("/api/events?waba=1&from=2026-01-01T00:00:00Z&until=2026-03-01T00:00:00Z");
        Assert.Equal(["query.from"], ProblemAssert.ErrorPaths(await ProblemAssert.IsProblem(span, HttpStatusCode.BadRequest, "validation")));
        var backwards = await fixture.Hub.Http.GetAsync("/api/events?waba=1&from=2026-03-01T00:00:00Z&until=2026-01-01T00:00:00Z&type=status.*x");
        Assert.Equal(["query.type", "query.until"], ProblemAssert.ErrorPaths(await ProblemAssert.IsProblem(backwards, HttpStatusCode.BadRequest, "validation")));

        // A token of another account's history is refused, not followed.
        var other = NewWaba();
        var token = new TableContinuation($"WEBHOOK_EVENT|{other}|20260101|0", "2519999999999999999|x").ToToken();
        var foreign = await fixture.Hub.Http.GetAsync($"/api/events?waba={NewWaba()}&continuation={token}");
        Assert.Equal(["query.continuation"], ProblemAssert.ErrorPaths(await ProblemAssert.IsProblem(foreign, HttpStatusCode.BadRequest, "validation")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Hub.Anonymous.GetAsync($"/api/events?waba={other}")).StatusCode);
    }

    private static string NewWaba() => "9" + Random.Shared.NextInt64(10_000_000_000_000, 99_999_999_999_999).ToString(CultureInfo.InvariantCulture);

    private static string NewContact() => "4915255" + Random.Shared.Next(100000, 999999).ToString(CultureInfo.InvariantCulture);

    private static string NewWamid() => "wamid.TEST" + Guid.NewGuid().ToString("N");

    private static string Iso(DateTimeOffset time) => Uri.EscapeDataString(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    private static string Str(JsonElement item, string name) => item.GetProperty(name).GetString()!;

    private static JsonObject TextMessage(string wamid, string from, string body, DateTimeOffset at) => new()
    {
        ["from"] = from,
        ["id"] = wamid,
        ["timestamp"] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        ["type"] = "text",
        ["text"] = new JsonObject { ["body"] = body },
    };

    private static JsonObject Status(string wamid, string status, string recipient, DateTimeOffset at) => new()
    {
        ["id"] = wamid,
        ["status"] = status,
        ["timestamp"] = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        ["recipient_id"] = recipient,
    };

    private static JsonObject Messages(string contact, string name, params JsonObject[] messages) => new()
    {
        ["messaging_product"] = "whatsapp",
        ["metadata"] = new JsonObject { ["display_phone_number"] = "15550001234", ["phone_number_id"] = MetaPhoneNumberId },
        ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = name }, ["wa_id"] = contact }),
        ["messages"] = new JsonArray(messages.Select(m => (JsonNode?)m).ToArray()),
    };

    private static JsonObject Entry(string waba, JsonObject? messagesValue, params JsonNode[] otherChanges)
    {
        var changes = new JsonArray();
        if (messagesValue is not null) changes.Add(new JsonObject { ["field"] = "messages", ["value"] = messagesValue });
        foreach (var change in otherChanges) changes.Add(change);
        return new JsonObject { ["id"] = waba, ["changes"] = changes };
    }

    private static string EumEvent(JsonObject entry) => new JsonObject
    {
        ["context"] = new JsonObject
        {
            ["MetaPhoneNumberIds"] = new JsonArray(new JsonObject
            {
                ["metaPhoneNumberId"] = MetaPhoneNumberId, ["arn"] = "arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/0123456789abcdef0123456789abcdef",
            }),
        },
        ["whatsAppWebhookEntry"] = entry.ToJsonString(),
        ["aws_account_id"] = "123456789012",
        ["message_timestamp"] = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
    }.ToJsonString();

    /// <summary>Publishes through the sandbox (signed, as SNS delivers) and waits until the hub processed it.</summary>
    private async Task PublishAsync(JsonObject entry)
    {
        var response = await fixture.Sandbox.Http.PostAsync("/sandbox/sns/publish", new StringContent(entry.ToJsonString(), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        var delivery = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deliveries")[0];
        Assert.True(delivery.GetProperty("delivered").GetBoolean(), delivery.ToString());
        await WaitProcessedAsync(delivery.GetProperty("snsMessageId").GetString()!);
    }

    private async Task WaitProcessedAsync(string snsMessageId) =>
        Assert.Equal("processed", (await fixture.Events.WaitProcessedAsync(snsMessageId, TimeSpan.FromSeconds(20))).GetString("stage"));

    private async Task<JsonElement> GetAsync(string query)
    {
        var response = await fixture.Hub.Http.GetAsync("/api/events?" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Every page of a listing, in order.</summary>
    private async Task<List<JsonElement>> ListAllAsync(string query)
    {
        var items = new List<JsonElement>();
        var page = await GetAsync(query);
        items.AddRange(page.GetProperty("items").EnumerateArray());
        while (page.TryGetProperty("continuation", out var next) && next.GetString() is { } token)
        {
            page = await GetAsync(query + "&continuation=" + token);
            items.AddRange(page.GetProperty("items").EnumerateArray());
        }
        return items;
    }
}
