using WhatsAppHub.Functions.Inbound;

namespace WhatsAppHub.Functions.Tests.Inbound;

/// <summary>The text of an inbound queue message: the batch form, and the single-id form earlier versions wrote.</summary>
public class InboundWorkTests
{
    [Fact]
    public void A_batch_round_trips_as_message_ids()
    {
        var json = new InboundWork(["m-1", "m-2"]).ToJson();

        Assert.Equal("""{"messageIds":["m-1","m-2"]}""", json);
        Assert.Equal(["m-1", "m-2"], InboundWork.TryParse(json)!.MessageIds);
    }

    [Fact]
    public void The_single_id_form_of_earlier_versions_is_still_read() =>
        Assert.Equal(["m-1"], InboundWork.TryParse("""{"messageId":"m-1"}""")!.MessageIds);

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("""{"messageIds":[]}""")]
    [InlineData("""{"messageIds":[""]}""")]
    [InlineData("""{"messageIds":[7]}""")]
    [InlineData("""{"messageIds":"m-1"}""")]
    [InlineData("""{"messageId":""}""")]
    public void Anything_else_is_refused(string text) => Assert.Null(InboundWork.TryParse(text));

    [Fact]
    public void More_ids_than_a_batch_holds_are_refused() =>
        Assert.Null(InboundWork.TryParse(new InboundWork(Enumerable.Range(0, InboundWork.MaxIds + 1).Select(i => $"m-{i}").ToList()).ToJson()));
}
