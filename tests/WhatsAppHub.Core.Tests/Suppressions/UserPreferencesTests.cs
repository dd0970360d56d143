using WhatsAppHub.Core.Suppressions;

namespace WhatsAppHub.Core.Tests.Suppressions;

/// <summary>Reading <c>user_preferences</c> values: every contact of one webhook, each with its own time.</summary>
public class UserPreferencesTests
{
    private static readonly DateTimeOffset Fallback = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_item_is_read_with_its_own_timestamp()
    {
        const string value = """
            {"messaging_product":"whatsapp","user_preferences":[
              {"wa_id":"447700900111","value":"stop","category":"marketing_messages","timestamp":1764000000,"detail":"User requested to stop marketing messages"},
              {"wa_id":"447700900222","value":"RESUME","category":"marketing_messages","timestamp":"1764000060"},
              {"wa_id":"447700900333","value":"snooze","category":"marketing_messages"},
              {"value":"stop"},
              {"wa_id":"447700900444","value":"stop"}]}
            """;
        var read = UserPreferences.Read(value, Fallback);

        Assert.Equal(["447700900111", "447700900222", "447700900444"], read.Select(p => p.WaId));
        Assert.Equal(["stop", "resume", "stop"], read.Select(p => p.Value));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764000000), read[0].At);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764000060), read[1].At);
        Assert.Equal(Fallback, read[2].At); // no timestamp: the entry's time
        Assert.True(read[2].IsMarketing); // no category: marketing, the only one Meta sends
        Assert.Equal("User requested to stop marketing messages", read[0].Detail);
    }

    [Fact]
    public void A_flat_value_and_other_categories_are_read_as_written()
    {
        var read = Assert.Single(UserPreferences.Read("""{"wa_id":"447700900555","value":"stop","category":"utility_messages"}""", Fallback));
        Assert.False(read.IsMarketing);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"user_preferences\":[1,\"x\",null]}")]
    [InlineData("{\"user_preferences\":{\"wa_id\":\"1\"}}")]
    public void Unreadable_values_give_nothing_and_never_throw(string value) =>
        Assert.Empty(UserPreferences.Read(value, Fallback));
}
