using WhatsAppHub.Core.Messaging.Interactive;
using static WhatsAppHub.Core.Tests.Messaging.Interactive.InteractiveCase;

namespace WhatsAppHub.Core.Tests.Messaging.Interactive;

/// <summary>
/// Order details (§8.6): each field rule, and the two sums (subtotal = Σ item × quantity, total = subtotal + tax +
/// shipping − discount) named at the amount that disagrees. The reference example is ₹500 + ₹90 tax = ₹590.
/// </summary>
public class OrderDetailsRulesTests
{
    private const string P = "action.parameters";
    private const string O = P + ".order";
    private const string G = P + ".payment_settings[0].payment_gateway";

    public static TheoryData<string, string, string, string> Broken => new()
    {
        { "action.name", Str("pay"), "action.name", "enum" },
        { P + ".reference_id", Remove, P + ".reference_id", "required" },
        { P + ".reference_id", Str("BM 345"), P + ".reference_id", "pattern" },
        { P + ".reference_id", Str("BM345#1"), P + ".reference_id", "pattern" },
        { P + ".reference_id", Text(OrderDetailsRules.MaxReferenceIdLength + 1), P + ".reference_id", "maxLength" },
        { P + ".type", Str("services"), P + ".type", "enum" },
        { P + ".currency", Str("USD"), P + ".currency", "enum" },
        { P + ".currency", Remove, P + ".currency", "required" },
        { P + ".total_amount.value", "590.5", P + ".total_amount.value", "type" },
        { P + ".total_amount.value", Str("59000"), P + ".total_amount.value", "type" },
        { P + ".total_amount.value", "-1", P + ".total_amount.value", "range" },
        { P + ".total_amount.offset", "1000", P + ".total_amount.offset", "enum" },
        { P + ".total_amount.offset", Remove, P + ".total_amount.offset", "required" },
        { P + ".total_amount.currency", Str("INR"), P + ".total_amount.currency", "unknownMember" },
        { P + ".payment_settings", "[]", P + ".payment_settings", "minItems" },
        { P + ".payment_settings[0].type", Str("upi"), P + ".payment_settings[0].type", "enum" },
        { G + ".type", Str("stripe"), G + ".type", "enum" },
        { G + ".configuration_name", Text(PaymentSettingsRules.MaxConfigurationNameLength + 1), G + ".configuration_name", "maxLength" },
        { G + ".configuration_name", Remove, G + ".configuration_name", "required" },
        { G + ".payu", "{}", G + ".payu", "unknownMember" },
        { G + ".razorpay.receipt", Text(PaymentSettingsRules.MaxRazorpayReceiptLength + 1), G + ".razorpay.receipt", "maxLength" },
        { G + ".razorpay.notes.crm_id", Text(PaymentSettingsRules.MaxRazorpayNoteLength + 1), G + ".razorpay.notes.crm_id", "maxLength" },
        { G + ".razorpay.udf1", Str("x"), G + ".razorpay.udf1", "unknownMember" },
        { O, Remove, O, "required" },
        { O + ".status", Str("captured"), O + ".status", "enum" },
        { O + ".type", Str("slow_pay"), O + ".type", "enum" },
        { O + ".items", "[]", O + ".items", "minItems" },
        { O + ".items[0].name", Text(OrderDetailsRules.MaxItemNameLength + 1), O + ".items[0].name", "maxLength" },
        { O + ".items[0].quantity", "1.5", O + ".items[0].quantity", "type" },
        { O + ".items[0].quantity", "0", O + ".items[0].quantity", "range" },
        { O + ".items[0].amount", Remove, O + ".items[0].amount", "required" },
        { O + ".items[0].sale_amount", """{"value":60000,"offset":100}""", O + ".items[0].sale_amount.value", "range" },
        { O + ".items[0].image", """{"link":"https://cdn.example.com/gold.png"}""", O + ".items[0].retailer_id", "notAllowed" },
        { O + ".items[0].colour", Str("gold"), O + ".items[0].colour", "unknownMember" },
        { O + ".subtotal", Remove, O + ".subtotal", "required" },
        { O + ".tax", Remove, O + ".tax", "required" },
        { O + ".shipping", """{"value":10,"offset":1}""", O + ".shipping.offset", "enum" },
        { O + ".expiration", """{"timestamp":"soon"}""", O + ".expiration.timestamp", "pattern" },
        { "body", Remove, "body", "required" },
        { "footer", """{"text":""" + Text(TextPartRules.MaxFooterLength + 1) + "}", "footer.text", "maxLength" },
        { "body", """{"text":""" + Text(TextPartRules.MaxBodyLength + 1) + "}", "body.text", "maxLength" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_broken_rule_is_named_by_path_and_rule(string path, string value, string errorPath, string rule) =>
        AssertRefused(Edit("order_details", path, value), errorPath, rule);

    [Fact]
    public void A_total_that_is_not_subtotal_plus_tax_is_named_at_the_total()
    {
        var message = Edit("order_details", P + ".total_amount.value", "58999");
        AssertRefused(message, P + ".total_amount.value", "sum");
        Assert.DoesNotContain(Errors(message), e => e.Path.EndsWith(".subtotal.value", StringComparison.Ordinal));
    }

    [Fact]
    public void Shipping_adds_to_the_total_and_discount_takes_from_it()
    {
        var message = Edit("order_details", O + ".shipping", """{"value":4000,"offset":100}""");
        AssertRefused(message, P + ".total_amount.value", "sum");
        Edit(message, O + ".discount", """{"value":1500,"offset":100,"description":"Welcome offer"}""");
        Edit(message, P + ".total_amount.value", "61500");
        AssertAccepted(message);
    }

    [Fact]
    public void A_subtotal_that_is_not_the_sum_of_items_is_named_at_the_subtotal()
    {
        // Two of the plan at ₹500 make ₹1000, but the subtotal still says ₹500.
        var message = Edit("order_details", O + ".items[0].quantity", "2");
        AssertRefused(message, O + ".subtotal.value", "sum");

        Edit(message, O + ".subtotal.value", "100000");
        Edit(message, P + ".total_amount.value", "109000");
        AssertAccepted(message);
    }

    [Fact]
    public void A_sale_amount_replaces_the_amount_in_the_subtotal()
    {
        var message = Edit("order_details", O + ".items[0].sale_amount", """{"value":40000,"offset":100}""");
        AssertRefused(message, O + ".subtotal.value", "sum");
        Edit(message, O + ".subtotal.value", "40000");
        Edit(message, P + ".total_amount.value", "49000");
        AssertAccepted(message);
    }

    [Fact]
    public void Physical_goods_need_a_beneficiary_with_an_indian_address()
    {
        var message = Edit("order_details", P + ".type", Str("physical-goods"));
        AssertRefused(message, P + ".beneficiaries", "required");

        Edit(message, P + ".beneficiaries", """
            [{"name":"Asha Rao","address_line1":"12 MG Road","city":"Bengaluru","state":"Karnataka","country":"India","postal_code":"560001"}]
            """);
        AssertAccepted(message);
        AssertRefused(Edit(message, P + ".beneficiaries[0].postal_code", Str("56001")), P + ".beneficiaries[0].postal_code", "pattern");
        AssertRefused(Edit(message, P + ".beneficiaries[0].country", Str("IN")), P + ".beneficiaries[0].country", "enum");
        AssertRefused(Edit(message, P + ".beneficiaries[0].address_line1", Text(OrderDetailsRules.MaxAddressLineLength + 1)), P + ".beneficiaries[0].address_line1", "maxLength");
    }

    [Fact]
    public void Custom_item_images_limit_the_order_to_ten_items()
    {
        string Item(int i) => $$"""{"name":"Item {{i}}","image":{"link":"https://cdn.example.com/{{i}}.png"},"amount":{"value":100,"offset":100},"quantity":1}""";
        var message = Edit("order_details", O + ".items", Many(OrderDetailsRules.MaxItemsWithImages, Item));
        Edit(message, O + ".subtotal.value", "1000");
        Edit(message, P + ".total_amount.value", "10000");
        AssertAccepted(message);

        Edit(message, O + ".items", Many(OrderDetailsRules.MaxItemsWithImages + 1, Item));
        Edit(message, O + ".subtotal.value", "1100");
        Edit(message, P + ".total_amount.value", "10100");
        AssertRefused(message, O + ".items", "maxItems");
    }

    [Theory]
    [InlineData("payu", "udf4", PaymentSettingsRules.MaxPayUFieldLength)]
    [InlineData("zaakpay", "extra2", PaymentSettingsRules.MaxZaakpayFieldLength)]
    [InlineData("billdesk", "additional_info7", PaymentSettingsRules.MaxBillDeskFieldLength)]
    [InlineData("razorpay", "receipt", PaymentSettingsRules.MaxRazorpayReceiptLength)]
    public void Each_gateway_takes_its_own_extras_up_to_their_limits(string gateway, string field, int max)
    {
        var message = Edit("order_details", G, $$$"""{"type":"{{{gateway}}}","configuration_name":"main-{{{gateway}}}","{{{gateway}}}":{"{{{field}}}":{{{Text(max)}}}}}""");
        AssertAccepted(message);
        AssertRefused(Edit(message, $"{G}.{gateway}.{field}", Text(max + 1)), $"{G}.{gateway}.{field}", "maxLength");
        AssertRefused(Edit(message, $"{G}.{gateway}.unknown9", Str("x")), $"{G}.{gateway}.unknown9", "unknownMember");
    }

    [Fact]
    public void Razorpay_takes_at_most_fifteen_notes()
    {
        string Notes(int n) => "{" + string.Join(",", Enumerable.Range(0, n).Select(i => $"\"k{i}\":\"v\"")) + "}";
        AssertAccepted(Edit("order_details", G + ".razorpay.notes", Notes(PaymentSettingsRules.MaxRazorpayNotes)));
        AssertRefused(Edit("order_details", G + ".razorpay.notes", Notes(PaymentSettingsRules.MaxRazorpayNotes + 1)), G + ".razorpay.notes", "maxItems");
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var message = Edit("order_details", P + ".currency", Str("USD"));
        Edit(message, P + ".reference_id", Str("bad id"));
        Edit(message, P + ".total_amount.value", "1");

        var paths = Errors(message).Select(e => e.Path).ToHashSet();
        Assert.Superset(new HashSet<string> { "$.interactive." + P + ".currency", "$.interactive." + P + ".reference_id", "$.interactive." + P + ".total_amount.value" }, paths);
    }
}
