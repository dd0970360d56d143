using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Inbound;
using static WhatsAppHub.Core.Tests.Inbound.GoldenEvents;

namespace WhatsAppHub.Core.Tests.Inbound;

/// <summary>
/// Payment statuses (whatsapp-cloud-api.md §8.6): <c>statuses[]</c> items with <c>type: "payment"</c> are read into
/// <see cref="PaymentStatus"/>, kept out of the message statuses, and become <c>payment.{status}</c> hub events.
/// </summary>
public class PaymentStatusGoldenTests
{
    private const string Captured = """
        {"id":"gBGGSFcCNEOPAgkO_KJ55r4w_ww","status":"captured","type":"payment","timestamp":"1767600400","recipient_id":"919800000001",
         "payment":{"reference_id":"BM345A-1","amount":{"value":59000,"offset":100},"currency":"INR",
           "transaction":{"id":"pay_Nv7Q2","type":"razorpay","status":"success","created_timestamp":1767600390,"updated_timestamp":1767600399,"method_type":"upi"}}}
        """;

    private const string Failed = """
        {"id":"gBGGSFcCNEOPAgkO_KJ55r4w_wx","status":"failed","type":"payment","timestamp":"1767600500","recipient_id":"919800000001",
         "payment":{"reference_id":"BM345A-1","amount":{"value":59000,"offset":100},"currency":"INR",
           "transaction":{"id":"pay_Nv7Q3","type":"payu","status":"failed","method_type":"card","error":{"code":"BAD_REQUEST_ERROR","reason":"Card declined by the bank"}}}}
        """;

    private static EumEvent ParseStatuses(params string[] statuses) =>
        Parse(Entry(null, ("messages", MessagesValue($"  \"statuses\":[{string.Join(",", statuses)}]"))));

    [Fact]
    public void A_captured_payment_is_read_with_its_amount_and_transaction()
    {
        var evt = ParseStatuses(Captured);

        Assert.Empty(evt.Statuses);
        Assert.Empty(evt.Unknown);
        var payment = Assert.Single(evt.Payments);
        Assert.Equal(new PaymentStatus(Metadata, "gBGGSFcCNEOPAgkO_KJ55r4w_ww", "captured", "BM345A-1", At(1767600400), "919800000001", 59000, 100, "INR",
            new PaymentTransaction("pay_Nv7Q2", "razorpay", "success", "upi", At(1767600390), At(1767600399), null, null),
            JsonNode.Parse(Captured)!.ToJsonString()), payment with { RawJson = JsonNode.Parse(payment.RawJson)!.ToJsonString() });
    }

    [Fact]
    public void A_failed_payment_keeps_the_gateway_error()
    {
        var payment = Assert.Single(ParseStatuses(Failed).Payments);

        Assert.Equal(("failed", "payu", "failed", "card"), (payment.Status, payment.Transaction!.Type, payment.Transaction.Status, payment.Transaction.MethodType));
        Assert.Equal(("BAD_REQUEST_ERROR", "Card declined by the bank"), (payment.Transaction.ErrorCode, payment.Transaction.ErrorReason));
    }

    [Fact]
    public void A_pending_payment_with_only_its_reference_is_read()
    {
        var payment = Assert.Single(ParseStatuses("""{"status":"pending","type":"payment","payment":{"reference_id":"ORD-1"}}""").Payments);

        Assert.Equal(("pending", "ORD-1", null, null, null), (payment.Status, payment.ReferenceId, payment.Id, payment.Amount, payment.Transaction));
    }

    [Theory]
    [InlineData("""{"status":"captured","type":"payment"}""")]
    [InlineData("""{"status":"captured","type":"payment","payment":{"amount":{"value":1,"offset":100}}}""")]
    [InlineData("""{"type":"payment","payment":{"reference_id":"ORD-1"}}""")]
    [InlineData("""{"id":"wamid.X","status":"captured","type":"payment","payment":"ORD-1"}""")]
    public void A_payment_status_that_names_no_order_is_kept_as_unknown_not_as_a_message_status(string item)
    {
        var evt = ParseStatuses(item);

        Assert.Empty(evt.Payments);
        Assert.Empty(evt.Statuses);
        Assert.Contains("payment", Assert.Single(evt.Unknown).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_statuses_beside_a_payment_status_stay_message_statuses()
    {
        var evt = ParseStatuses("""{"id":"wamid.OUT","status":"delivered","timestamp":"1767600200","recipient_id":"919800000001"}""", Captured);

        Assert.Equal("wamid.OUT", Assert.Single(evt.Statuses).Wamid);
        Assert.Equal("BM345A-1", Assert.Single(evt.Payments).ReferenceId);
    }

    [Fact]
    public void The_hub_event_is_payment_captured_with_the_reference_amount_and_transaction()
    {
        var events = HubEventMapper.Map(ParseStatuses(Captured), "sns-1", At(BaseTime));

        var e = Assert.Single(events);
        Assert.Equal(("payment:BM345A-1:captured:pay_Nv7Q2", "payment.captured", "919800000001", At(1767600400)), (e.Id, e.Type, e.WaId, e.OccurredAt));
        var data = JsonDocument.Parse(e.DataJson).RootElement;
        Assert.Equal("BM345A-1", data.GetProperty("referenceId").GetString());
        Assert.Equal(59000, data.GetProperty("amount").GetProperty("value").GetInt64());
        Assert.Equal("upi", data.GetProperty("transaction").GetProperty("methodType").GetString());
        Assert.False(data.GetProperty("transaction").TryGetProperty("error", out _));
    }

    [Fact]
    public void Two_failed_attempts_on_one_order_are_two_events_and_a_redelivery_folds()
    {
        var second = Failed.Replace("pay_Nv7Q3", "pay_Nv7Q4", StringComparison.Ordinal);
        var ids = HubEventMapper.Map(ParseStatuses(Failed, second), "sns-1", At(BaseTime)).Select(e => e.Id).ToList();
        var again = HubEventMapper.Map(ParseStatuses(Failed), "sns-2", At(BaseTime)).Single().Id;

        Assert.Equal(2, ids.Distinct().Count());
        Assert.Equal(ids[0], again);
        Assert.Contains("payment.failed", HubEventMapper.Map(ParseStatuses(Failed), "sns-1", At(BaseTime)).Select(e => e.Type));
    }
}
