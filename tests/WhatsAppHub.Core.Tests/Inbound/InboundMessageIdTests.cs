using System.Globalization;
using WhatsAppHub.Core.Inbound;

namespace WhatsAppHub.Core.Tests.Inbound;

public class InboundMessageIdTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(1_767_600_000);

    [Fact]
    public void The_same_wamid_and_time_always_give_the_same_id()
    {
        var wamid = "wamid.HBgLMTU1NTU1NTAxMDAVAgASGBQzQTRBNjVFNjg3RkE5RTg5QjRBNQA=";
        Assert.Equal(InboundMessageId.From(wamid, At), InboundMessageId.From(wamid, At));
        Assert.NotEqual(InboundMessageId.From(wamid, At), InboundMessageId.From(wamid + "x", At));
    }

    [Fact]
    public void The_id_is_a_version_7_guid_whose_first_12_digits_are_the_message_time()
    {
        var id = InboundMessageId.From("wamid.ABC", At);
        var guid = Guid.ParseExact(id, "N");
        Assert.Equal(7, guid.Version);
        Assert.Equal(id, guid.ToString("N"));
        Assert.Contains(id[16], "89ab");
        Assert.Equal(At.ToUnixTimeMilliseconds(), long.Parse(id[..12], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_message_without_a_timestamp_still_gets_a_stable_id_at_time_zero()
    {
        var id = InboundMessageId.From("wamid.ABC", null);
        Assert.StartsWith("000000000000", id);
        Assert.Equal(id, InboundMessageId.From("wamid.ABC", null));
    }
}
