using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Functions.Suppressions;
using WhatsAppHub.Functions.Tests.Inbound;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Suppressions;

/// <summary>
/// A contact's own marketing opt-out: the sandbox publishes signed <c>user_preferences</c> webhooks as SNS would, and
/// the hub's suppression list follows the contact's latest choice, whatever order or how often the webhooks arrive,
/// without touching what the business added itself.
/// </summary>
[Collection("Sns")]
public class UserPreferenceTests(SnsFixture fixture)
{
    private const string Number = HubHost.DefaultPhoneNumberId;

    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow.AddHours(-1);

    private HttpClient Http => fixture.Hub.Http;

    private SuppressionStore Store => new(new TableService(StorageConnection.Parse(fixture.Azurite.ConnectionString)));

    [Fact]
    public async Task A_stop_suppresses_marketing_from_that_number_until_the_contact_resumes()
    {
        var waId = SuppressionApiTests.NewWaId();
        await PublishAsync(waId, "stop", T0);

        var read = await Http.GetFromJsonAsync<JsonElement>($"/api/suppressions/{waId}");
        var entry = Assert.Single(read.GetProperty("items").EnumerateArray());
        Assert.Equal("user", entry.GetProperty("source").GetString());
        Assert.Equal(Number, entry.GetProperty("phoneNumberId").GetString());
        Assert.Equal("stop", entry.GetProperty("event").GetString());
        Assert.Equal(T0.ToUnixTimeSeconds(), entry.GetProperty("eventAt").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.True(await Store.IsSuppressedAsync(Number, waId, "marketing", default));
        Assert.False(await Store.IsSuppressedAsync(Number, waId, "utility", default)); // a marketing stop only
        Assert.Contains(await ListAsync("source=user"), i => i.GetProperty("waId").GetString() == waId);

        // The business cannot lift the contact's own stop.
        var refused = await ProblemAssert.IsProblem(await Http.DeleteAsync($"/api/suppressions/{waId}"), HttpStatusCode.Conflict, "suppressed-by-contact");
        Assert.Contains("resum", refused.GetProperty("detail").GetString());

        await PublishAsync(waId, "resume", T0.AddMinutes(5));
        await ProblemAssert.IsProblem(await Http.GetAsync($"/api/suppressions/{waId}"), HttpStatusCode.NotFound, "not-found");
        Assert.False(await Store.IsSuppressedAsync(Number, waId, "marketing", default));
        Assert.DoesNotContain(await ListAsync("source=user"), i => i.GetProperty("waId").GetString() == waId);
    }

    [Fact]
    public async Task An_older_event_arriving_late_never_overrides_a_newer_one()
    {
        var waId = SuppressionApiTests.NewWaId();
        await PublishAsync(waId, "resume", T0.AddMinutes(2));
        await PublishAsync(waId, "stop", T0.AddMinutes(1)); // said before the resume, delivered after it
        Assert.False(await Store.IsSuppressedAsync(Number, waId, "marketing", default));

        await PublishAsync(waId, "stop", T0.AddMinutes(3));
        Assert.True(await Store.IsSuppressedAsync(Number, waId, "marketing", default));
        await PublishAsync(waId, "resume", T0.AddMinutes(2)); // a redelivery of the old resume
        Assert.True(await Store.IsSuppressedAsync(Number, waId, "marketing", default));

        // A stop and a resume of the same second: the stop wins, whichever came last.
        await PublishAsync(waId, "resume", T0.AddMinutes(3));
        Assert.True(await Store.IsSuppressedAsync(Number, waId, "marketing", default));
    }

    [Fact]
    public async Task Repeated_deliveries_of_a_stop_leave_one_entry()
    {
        var waId = SuppressionApiTests.NewWaId();
        await PublishAsync(waId, "stop", T0, "?copies=3"); // SNS redelivering one message
        await PublishAsync(waId, "stop", T0); // Meta sending the webhook again (a new SNS message)
        var read = await Http.GetFromJsonAsync<JsonElement>($"/api/suppressions/{waId}");
        Assert.Single(read.GetProperty("items").EnumerateArray());
        Assert.Single(await Store.FindAsync(waId, default));
    }

    [Fact]
    public async Task A_business_entry_survives_the_contacts_resume_and_theirs_survives_the_business_delete()
    {
        var waId = SuppressionApiTests.NewWaId();
        Assert.Equal(HttpStatusCode.Created, (await Http.PostAsJsonAsync("/api/suppressions", new { waId, reason = "complained" })).StatusCode);
        await PublishAsync(waId, "stop", T0);
        Assert.Equal(2, (await Http.GetFromJsonAsync<JsonElement>($"/api/suppressions/{waId}")).GetProperty("items").GetArrayLength());

        await PublishAsync(waId, "resume", T0.AddMinutes(1));
        var entry = Assert.Single((await Http.GetFromJsonAsync<JsonElement>($"/api/suppressions/{waId}")).GetProperty("items").EnumerateArray());
        Assert.Equal("business", entry.GetProperty("source").GetString());
        Assert.True(await Store.IsSuppressedAsync(Number, waId, "marketing", default));

        await PublishAsync(waId, "stop", T0.AddMinutes(2));
        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/api/suppressions/{waId}")).StatusCode);
        entry = Assert.Single((await Http.GetFromJsonAsync<JsonElement>($"/api/suppressions/{waId}")).GetProperty("items").EnumerateArray());
        Assert.Equal("user", entry.GetProperty("source").GetString());
        Assert.True(await Store.IsSuppressedAsync(Number, waId, "marketing", default));
    }

    [Fact]
    public async Task Other_categories_and_unknown_values_change_nothing()
    {
        var waId = SuppressionApiTests.NewWaId();
        await PublishAsync(waId, "stop", T0, category: "utility_messages");
        await PublishAsync(waId, "pause", T0.AddMinutes(1));
        Assert.Empty(await Store.FindAsync(waId, default));
    }

    /// <summary>Publishes one preference through the sandbox and waits until the hub processed it.</summary>
    private async Task PublishAsync(string waId, string value, DateTimeOffset at, string query = "", string category = "marketing_messages")
    {
        var body = new JsonObject
        {
            ["from"] = "+" + waId,
            ["user_preferences"] = new JsonArray(new JsonObject
            {
                ["wa_id"] = waId, ["detail"] = $"User requested to {value} marketing messages", ["category"] = category,
                ["value"] = value, ["timestamp"] = at.ToUnixTimeSeconds(),
            }),
        };
        using var response = await fixture.Sandbox.Http.PostAsJsonAsync($"/sandbox/inbound/user_preferences{query}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var published = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        foreach (var delivery in published["deliveries"]!.AsArray()) Assert.Equal(200, delivery!["hubStatus"]!.GetValue<int>());
        var snsMessageIds = published["deliveries"]!.AsArray().Select(d => d!["snsMessageId"]?.GetValue<string>())
            .Append(published["events"]![0]!["snsMessageId"]!.GetValue<string>()).OfType<string>().Distinct();
        foreach (var id in snsMessageIds) await WaitForProcessedAsync(id);
    }

    private async Task WaitForProcessedAsync(string snsMessageId) =>
        Assert.Equal("processed", (await fixture.Events.WaitProcessedAsync(snsMessageId, TimeSpan.FromSeconds(20))).GetString("stage"));

    private async Task<List<JsonElement>> ListAsync(string query)
    {
        var all = new List<JsonElement>();
        string? continuation = null;
        do
        {
            var page = await Http.GetFromJsonAsync<JsonElement>($"/api/suppressions?{query}&limit=200" + (continuation is null ? "" : "&continuation=" + continuation));
            all.AddRange(page.GetProperty("items").EnumerateArray());
            continuation = page.TryGetProperty("continuation", out var c) ? c.GetString() : null;
        } while (continuation is not null);
        return all;
    }
}
