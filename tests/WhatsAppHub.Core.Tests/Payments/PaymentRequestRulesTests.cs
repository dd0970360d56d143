using System.Text;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Payments;

namespace WhatsAppHub.Core.Tests.Payments;

/// <summary>
/// <c>POST /api/payments</c> bodies: each broken rule is named at its field, the sums at <c>$.subtotal</c> and
/// <c>$.total</c>, and a valid request becomes an order_details message Meta's rules accept.
/// </summary>
public class PaymentRequestRulesTests
{
    // Two plans at ₹500 (one on sale at ₹400) = ₹900, + ₹162 tax + ₹40 shipping − ₹100 discount = ₹1,002.
    private const string Valid = """
        {"to":"+919800000001","configurationName":"main-razorpay","referenceId":"BM345A","type":"digital-goods",
         "items":[{"retailerId":"PLAN-GOLD","name":"Gold plan","amount":50000,"quantity":1},
                  {"name":"Silver plan","amount":50000,"saleAmount":40000,"quantity":1}],
         "subtotal":90000,"tax":16200,"shipping":4000,"discount":10000,"total":100200,
         "body":"Your order BM345A is ready for payment.","expiresInSeconds":3600}
        """;

    private static (PaymentRequest? Request, IReadOnlyList<Core.Validation.ValidationError> Errors) Read(string json) =>
        PaymentRequestRules.Read(Encoding.UTF8.GetBytes(json), () => "generated-ref");

    private static string With(string member, string? value)
    {
        var json = JsonNode.Parse(Valid)!.AsObject();
        if (value is null) json.Remove(member);
        else json[member] = JsonNode.Parse(value);
        return json.ToJsonString();
    }

    [Fact]
    public void A_valid_request_is_read_with_its_amounts_in_paise()
    {
        var (request, errors) = Read(Valid);

        Assert.Empty(errors);
        Assert.Equal((90000L, 16200L, 4000L, 10000L, 100200L), (request!.Subtotal, request.Tax, request.Shipping, request.Discount, request.Total));
        Assert.Equal(("BM345A", 3, PaymentRequestRules.DefaultReminderSeconds), (request.ReferenceId, request.MaxAttempts, request.ReminderSeconds));
        Assert.Equal(40000, request.Items[1].LineTotal);
    }

    [Fact]
    public void Its_order_details_message_passes_the_order_details_rules()
    {
        var (request, _) = Read(Valid);
        var message = PaymentOrder.OrderDetails(request!, "razorpay", PaymentOrder.ReferenceFor(request!.ReferenceId, 2), request.Body);

        var (outbound, errors) = OutboundMessageReader.Default.Read(Encoding.UTF8.GetBytes(message.ToJsonString()));
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Rule} at {e.Path}: {e.Message}")));
        var parameters = JsonNode.Parse(outbound!.ToCloudApiJson())!["interactive"]!["action"]!["parameters"]!;
        Assert.Equal("BM345A-2", parameters["reference_id"]!.GetValue<string>());
        Assert.Equal(100200, parameters["total_amount"]!["value"]!.GetValue<long>());
        Assert.Equal("main-razorpay", parameters["payment_settings"]![0]!["payment_gateway"]!["configuration_name"]!.GetValue<string>());
    }

    [Fact]
    public void A_total_that_does_not_add_up_is_named_at_the_total()
    {
        var errors = Read(With("total", "100201")).Errors;
        var error = Assert.Single(errors);
        Assert.Equal(("$.total", "sum"), (error.Path, error.Rule));
        Assert.Contains("100200", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subtotal_that_is_not_the_items_is_named_at_the_subtotal()
    {
        // The total agrees with the wrong subtotal, so only the subtotal is wrong.
        var json = JsonNode.Parse(With("subtotal", "95000"))!.AsObject();
        json["total"] = 105200;
        var error = Assert.Single(Read(json.ToJsonString()).Errors);
        Assert.Equal(("$.subtotal", "sum"), (error.Path, error.Rule));
    }

    [Theory]
    [InlineData("total", "1002.00", "$.total", "type")]
    [InlineData("tax", "\"16200\"", "$.tax", "type")]
    [InlineData("tax", null, "$.tax", "required")]
    [InlineData("subtotal", "-1", "$.subtotal", "range")]
    [InlineData("to", "\"not a number\"", "$.to", "phoneNumber")]
    [InlineData("configurationName", null, "$.configurationName", "required")]
    [InlineData("referenceId", "\"BM 345\"", "$.referenceId", "pattern")]
    [InlineData("referenceId", "\"abcdefghijklmnopqrstuvwxyz1234567890\"", "$.referenceId", "maxLength")]
    [InlineData("type", "\"services\"", "$.type", "enum")]
    [InlineData("items", "[]", "$.items", "minItems")]
    [InlineData("body", null, "$.body", "required")]
    [InlineData("expiresInSeconds", "0", "$.expiresInSeconds", "range")]
    [InlineData("expiresInSeconds", null, "$.expiresInSeconds", "required")]
    [InlineData("maxAttempts", "10", "$.maxAttempts", "range")]
    [InlineData("phoneNumberId", "\"555\"", "$.phoneNumberId", "pattern")]
    [InlineData("currency", "\"INR\"", "$.currency", "unknownMember")]
    public void Each_broken_field_is_named(string member, string? value, string path, string rule)
    {
        var errors = Read(With(member, value)).Errors;
        Assert.True(errors.Any(e => e.Path == path && e.Rule == rule), $"expected {rule} at {path}; got: {string.Join("; ", errors.Select(e => $"{e.Rule} at {e.Path}"))}");
    }

    [Fact]
    public void Broken_items_are_named_by_index_and_every_rule_at_once()
    {
        var errors = Read(With("items", """[{"name":"Gold plan","amount":500.5,"quantity":0},{"amount":100,"quantity":1,"colour":"gold"}]""")).Errors;

        var found = errors.Select(e => (e.Path, e.Rule)).ToHashSet();
        Assert.Contains(("$.items[0].amount", "type"), found);
        Assert.Contains(("$.items[0].quantity", "range"), found);
        Assert.Contains(("$.items[1].name", "required"), found);
        Assert.Contains(("$.items[1].colour", "unknownMember"), found);
    }

    [Fact]
    public void Physical_goods_need_beneficiaries_and_a_missing_reference_is_generated()
    {
        Assert.Contains(Read(With("type", "\"physical-goods\"")).Errors, e => e.Path == "$.beneficiaries" && e.Rule == "required");
        Assert.Equal("generated-ref", Read(With("referenceId", null)).Request!.ReferenceId);
    }
}
