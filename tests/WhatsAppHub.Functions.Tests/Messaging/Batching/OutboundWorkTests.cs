using WhatsAppHub.Functions.Messaging.Outbound;

namespace WhatsAppHub.Functions.Tests.Messaging.Batching;

/// <summary>The text of an outbound queue message: the batch form, and the single-id form earlier versions wrote.</summary>
public class OutboundWorkTests
{
    [Fact]
    public void A_batch_round_trips_as_ids()
    {
        var json = new OutboundWork(["a1", "b2"]).ToJson();

        Assert.Equal("""{"ids":["a1","b2"]}""", json);
        Assert.Equal(["a1", "b2"], OutboundWork.TryParse(json)!.MessageIds);
    }

    [Fact]
    public void The_single_id_form_of_earlier_versions_is_still_read()
    {
        Assert.Equal(["0190f0c2a1b27c3d8e9f001122334455"], OutboundWork.TryParse("""{"id":"0190f0c2a1b27c3d8e9f001122334455"}""")!.MessageIds);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("""{"ids":[]}""")]
    [InlineData("""{"ids":[""]}""")]
    [InlineData("""{"id":""}""")]
    public void Anything_else_is_refused(string text) => Assert.Null(OutboundWork.TryParse(text));

    [Fact]
    public void A_repeated_id_is_handled_once() =>
        Assert.Equal(["a1"], OutboundWork.TryParse("""{"ids":["a1","a1"]}""")!.MessageIds);

    [Fact]
    public void More_ids_than_one_transaction_holds_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new OutboundWork(Enumerable.Range(0, OutboundWork.MaxIds + 1).Select(i => $"id{i}").ToList()));
}
