using WhatsAppHub.Core.Messaging.Interactive;
using static WhatsAppHub.Core.Tests.Messaging.Interactive.InteractiveCase;

namespace WhatsAppHub.Core.Tests.Messaging.Interactive;

/// <summary>Order status (§8.6): updates the card of one reference id with a known status.</summary>
public class OrderStatusRulesTests
{
    private const string P = "action.parameters";

    public static TheoryData<string, string, string, string> Broken => new()
    {
        { "action.name", Str("review_and_pay"), "action.name", "enum" },
        { P + ".reference_id", Remove, P + ".reference_id", "required" },
        { P + ".reference_id", Str("BM/345"), P + ".reference_id", "pattern" },
        { P + ".order.status", Str("paid"), P + ".order.status", "enum" },
        { P + ".order.status", Remove, P + ".order.status", "required" },
        { P + ".order.description", Text(OrderStatusRules.MaxDescriptionLength + 1), P + ".order.description", "maxLength" },
        { P + ".order.items", "[]", P + ".order.items", "unknownMember" },
        { "header", """{"type":"text","text":"Order"}""", "header", "notAllowed" },
        { "body", Remove, "body", "required" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_broken_rule_is_named_by_path_and_rule(string path, string value, string errorPath, string rule) =>
        AssertRefused(Edit("order_status", path, value), errorPath, rule);

    [Theory]
    [InlineData("pending")]
    [InlineData("failed")]
    [InlineData("processing")]
    [InlineData("shipped")]
    [InlineData("completed")]
    [InlineData("canceled")]
    public void Payment_and_fulfilment_statuses_are_accepted(string status) =>
        AssertAccepted(Edit("order_status", P + ".order.status", Str(status)));
}
