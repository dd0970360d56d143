using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppHub.Functions.Tests.Inbound;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Conversations;

/// <summary>
/// Conversations through the real path: signed EUM events posted to the hub, processed by its inbound pump against
/// Azurite, sends answered by the sandbox (which publishes their statuses back), read over the HTTP API.
/// </summary>
[Collection("Sns")]
public class ConversationTests(SnsFixture fixture)
{
    private readonly InboundEvents _events = new(fixture);

    private HttpClient Http => fixture.Hub.Http;

    [Fact]
    public async Task An_inbound_text_delivered_three_times_and_under_a_new_sns_id_is_one_message_and_one_unread()
    {
        var contact = InboundEvents.NewContact();
        var wamid = InboundEvents.NewWamid();
        var at = Now().AddMinutes(-5);
        var message = InboundEvents.Text(contact, wamid, at, "Is my order on its way?");
        var body = fixture.Signed(message: message);
        for (var i = 0; i < 3; i++) await _events.PostProcessedBodyAsync(body);
        await _events.PostProcessedAsync(message); // Meta resent it: same webhook, another SNS MessageId

        var view = await Http.GetFromJsonAsync<JsonElement>($"/api/messages/{wamid}");
        Assert.Equal("inbound", view.GetProperty("direction").GetString());
        Assert.Equal("received", view.GetProperty("status").GetString());
        Assert.Equal(contact, view.GetProperty("from").GetString());
        Assert.Equal("Mara", view.GetProperty("contactName").GetString());
        Assert.Equal("Is my order on its way?", view.GetProperty("summary").GetString());
        Assert.Equal("Is my order on its way?", view.GetProperty("message").GetProperty("text").GetProperty("body").GetString());
        var id = view.GetProperty("id").GetString()!;
        Assert.Equal(id, (await Http.GetFromJsonAsync<JsonElement>($"/api/messages/{id}")).GetProperty("id").GetString());

        var listed = await Http.GetFromJsonAsync<JsonElement>($"/api/messages?to={contact}");
        Assert.Single(listed.GetProperty("items").EnumerateArray());

        var conversation = await Http.GetFromJsonAsync<JsonElement>($"/api/conversations/{contact}");
        Assert.Equal(1, conversation.GetProperty("unreadCount").GetInt32());
        Assert.Equal(1, conversation.GetProperty("messageCount").GetInt32());
        Assert.Equal("Mara", conversation.GetProperty("contactName").GetString());
        Assert.Equal(at, conversation.GetProperty("lastInboundAt").GetDateTimeOffset());
        Assert.Equal(at.AddHours(24), conversation.GetProperty("windowEndsAt").GetDateTimeOffset());
        Assert.Equal("inbound", conversation.GetProperty("lastDirection").GetString());
        Assert.Equal("Is my order on its way?", conversation.GetProperty("lastMessagePreview").GetString());

        var messages = await Http.GetFromJsonAsync<JsonElement>($"/api/conversations/{contact}/messages");
        Assert.Equal(id, Assert.Single(messages.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_latest_profile_name_wins_and_an_older_message_does_not_move_the_window_back()
    {
        var contact = InboundEvents.NewContact();
        var newer = Now().AddMinutes(-1);
        await _events.PostProcessedAsync(InboundEvents.Text(contact, InboundEvents.NewWamid(), newer, "second", name: "Mara K."));
        await _events.PostProcessedAsync(InboundEvents.Text(contact, InboundEvents.NewWamid(), newer.AddMinutes(-10), "first", name: "Mara"));

        var conversation = await Http.GetFromJsonAsync<JsonElement>($"/api/conversations/+{contact}");
        Assert.Equal("Mara K.", conversation.GetProperty("contactName").GetString());
        Assert.Equal(newer, conversation.GetProperty("lastInboundAt").GetDateTimeOffset());
        Assert.Equal("second", conversation.GetProperty("lastMessagePreview").GetString());
        Assert.Equal(2, conversation.GetProperty("unreadCount").GetInt32());
    }

    [Fact]
    public async Task Marking_a_received_message_read_makes_it_read_and_resets_the_unread_count()
    {
        var contact = InboundEvents.NewContact();
        var first = InboundEvents.NewWamid();
        var second = InboundEvents.NewWamid();
        await _events.PostProcessedAsync(InboundEvents.Text(contact, first, Now().AddMinutes(-2), "one"));
        await _events.PostProcessedAsync(InboundEvents.Text(contact, second, Now().AddMinutes(-1), "two"));
        Assert.Equal(2, (await Http.GetFromJsonAsync<JsonElement>($"/api/conversations/{contact}")).GetProperty("unreadCount").GetInt32());

        var response = await Http.PostAsJsonAsync($"/api/messages/{second}/read", new { });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.Equal("read", (await Http.GetFromJsonAsync<JsonElement>($"/api/messages/{second}")).GetProperty("status").GetString());
        Assert.Equal("received", (await Http.GetFromJsonAsync<JsonElement>($"/api/messages/{first}")).GetProperty("status").GetString());
        var conversation = await Http.GetFromJsonAsync<JsonElement>($"/api/conversations/{contact}");
        Assert.Equal(0, conversation.GetProperty("unreadCount").GetInt32());
        Assert.True(conversation.TryGetProperty("lastReadAt", out _));

        // A late redelivery of the message read before counts nothing again.
        await _events.PostProcessedAsync(InboundEvents.Text(contact, first, Now().AddMinutes(-2), "one"));
        Assert.Equal(0, (await Http.GetFromJsonAsync<JsonElement>($"/api/conversations/{contact}")).GetProperty("unreadCount").GetInt32());
    }

    [Fact]
    public async Task A_reply_joins_the_conversation_and_its_messages_list_both_directions_newest_first_in_pages()
    {
        var contact = InboundEvents.NewContact();
        var inboundWamid = InboundEvents.NewWamid();
        await _events.PostProcessedAsync(InboundEvents.Text(contact, inboundWamid, Now().AddSeconds(-30), "hello?"));
        var accepted = await Http.PostAsJsonAsync("/api/messages", new { to = contact, type = "text", text = new { body = "Hi Mara, it ships today." } });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var location = accepted.Headers.Location!.ToString();
        var sent = await Messages.WaitForStatusAsync(Http, location, "read"); // the sandbox publishes sent, delivered, read
        var sentId = sent.GetProperty("id").GetString()!;

        var conversation = await WaitForAsync($"/api/conversations/{contact}", c => c.TryGetProperty("lastOutboundAt", out _));
        Assert.Equal("outbound", conversation.GetProperty("lastDirection").GetString());
        Assert.Equal("Hi Mara, it ships today.", conversation.GetProperty("lastMessagePreview").GetString());
        Assert.Equal(2, conversation.GetProperty("messageCount").GetInt32());
        Assert.Equal(1, conversation.GetProperty("unreadCount").GetInt32()); // replying is not reading

        var page1 = await Http.GetFromJsonAsync<JsonElement>($"/api/conversations/{contact}/messages?limit=1");
        var newest = Assert.Single(page1.GetProperty("items").EnumerateArray());
        Assert.Equal(sentId, newest.GetProperty("id").GetString());
        Assert.Equal("read", newest.GetProperty("status").GetString());
        var token = page1.GetProperty("continuation").GetString()!;
        var page2 = await Http.GetFromJsonAsync<JsonElement>($"/api/conversations/{contact}/messages?limit=1&continuation={Uri.EscapeDataString(token)}");
        var older = Assert.Single(page2.GetProperty("items").EnumerateArray());
        Assert.Equal(inboundWamid, older.GetProperty("wamid").GetString());
        Assert.Equal("inbound", older.GetProperty("direction").GetString());

        var statuses = await Http.GetFromJsonAsync<JsonElement>($"/api/messages/{sentId}/statuses");
        Assert.Equal(["sent", "delivered", "read"], statuses.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("status").GetString()!).ToArray());

        var listed = await Http.GetFromJsonAsync<JsonElement>($"/api/conversations?phoneNumberId={HubHost.DefaultPhoneNumberId}&since={Uri.EscapeDataString(Now().AddMinutes(-1).ToString("O"))}&limit=200");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), c => c.GetProperty("waId").GetString() == contact);
    }

    [Fact]
    public async Task A_retry_after_the_conversation_was_updated_but_before_the_index_row_was_written_counts_once()
    {
        var store = fixture.Hub.Services.GetRequiredService<Functions.Conversations.ConversationStore>();
        var contact = InboundEvents.NewContact();
        var message = new Functions.Conversations.ConversationMessage(Core.Messaging.MessageRecord.NewId(), Core.Messaging.MessageDirection.Inbound,
            Now(), "text", "hi", "Mara", IsNew: true);
        await store.RecordMessageAsync(HubHost.DefaultPhoneNumberId, contact, message, CancellationToken.None);
        await store.RecordMessageAsync(HubHost.DefaultPhoneNumberId, contact, message, CancellationToken.None); // the retry
        var conversation = await Http.GetFromJsonAsync<JsonElement>($"/api/conversations/{contact}");
        Assert.Equal(1, conversation.GetProperty("unreadCount").GetInt32());
        Assert.Equal(1, conversation.GetProperty("messageCount").GetInt32());
    }

    [Fact]
    public async Task A_received_message_larger_than_a_table_property_is_kept_whole()
    {
        var contact = InboundEvents.NewContact();
        var wamid = InboundEvents.NewWamid();
        var body = string.Concat(Enumerable.Repeat("Ünïcødé 😀 long text. ", 3000)); // ~66,000 characters, surrogate pairs at part edges
        await _events.PostProcessedAsync(InboundEvents.Text(contact, wamid, Now(), body));
        var view = await Http.GetFromJsonAsync<JsonElement>($"/api/messages/{wamid}");
        Assert.Equal(body, view.GetProperty("message").GetProperty("text").GetProperty("body").GetString());
        Assert.Equal(200, view.GetProperty("summary").GetString()!.Length);
    }

    [Fact]
    public async Task Bad_parameters_are_each_named_in_one_problem()
    {
        var list = await ProblemAssert.IsProblem(await Http.GetAsync("/api/conversations?phoneNumberId=not%20a%20number&since=yesterday&limit=0&continuation=zzz"),
            HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["query.phoneNumberId", "query.since", "query.limit", "query.continuation"], ProblemAssert.ErrorPaths(list).ToArray());

        var messages = await ProblemAssert.IsProblem(await Http.GetAsync("/api/conversations/abc/messages?limit=201"), HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["route.waId", "query.limit"], ProblemAssert.ErrorPaths(messages).ToArray());

        var one = await ProblemAssert.IsProblem(await Http.GetAsync("/api/conversations/12"), HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["route.waId"], ProblemAssert.ErrorPaths(one).ToArray());

        await ProblemAssert.IsProblem(await Http.GetAsync($"/api/conversations/{InboundEvents.NewContact()}"), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblem(await Http.GetAsync($"/api/messages/{InboundEvents.NewWamid()}/statuses"), HttpStatusCode.NotFound, "not-found");
        // Escaping triples each of these in a key: still a 404, not a storage error.
        await ProblemAssert.IsProblem(await Http.GetAsync($"/api/messages/wamid.{Uri.EscapeDataString(new string('|', 500))}/statuses"), HttpStatusCode.NotFound, "not-found");
    }

    private async Task<JsonElement> WaitForAsync(string path, Func<JsonElement, bool> done)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            var response = await Http.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.OK && await response.Content.ReadFromJsonAsync<JsonElement>() is var value && done(value)) return value;
        }
        throw new Xunit.Sdk.XunitException($"{path} did not get there in time.");
    }

    private static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
}
