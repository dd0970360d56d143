using WhatsAppHub.Core.Messaging.Interactive;
using static WhatsAppHub.Core.Tests.Messaging.Interactive.InteractiveCase;

namespace WhatsAppHub.Core.Tests.Messaging.Interactive;

/// <summary>Address messages (§1.7.9): the country decides which prefilled fields exist.</summary>
public class AddressMessageRulesTests
{
    private const string P = "action.parameters";

    public static TheoryData<string, string, string, string> Broken => new()
    {
        { "action.name", Str("address"), "action.name", "enum" },
        { P, Remove, P, "required" },
        { P + ".country", Remove, P + ".country", "required" },
        { P + ".country", Str("US"), P + ".country", "enum" },
        { P + ".country", Str("in"), P + ".country", "enum" },
        { P + ".values.in_pin_code", Str("5600011"), P + ".values.in_pin_code", "maxLength" },
        { P + ".values.sg_post_code", Str("018956"), P + ".values.sg_post_code", "unknownMember" },
        { P + ".values.zip", Str("560001"), P + ".values.zip", "unknownMember" },
        { P + ".values.city", "42", P + ".values.city", "type" },
        { P + ".values", "[]", P + ".values", "type" },
        { P + ".saved_addresses", "{}", P + ".saved_addresses", "type" },
        { P + ".saved_addresses", "[1]", P + ".saved_addresses[0]", "type" },
        { P + ".validation_errors", Str("bad"), P + ".validation_errors", "type" },
        { P + ".language", Str("en"), P + ".language", "unknownMember" },
        { "body", Remove, "body", "required" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Each_broken_rule_is_named_by_path_and_rule(string path, string value, string errorPath, string rule) =>
        AssertRefused(Edit("address_message", path, value), errorPath, rule);

    [Fact]
    public void Every_india_field_may_be_prefilled()
    {
        var values = """
            {"name":"Asha Rao","phone_number":"+919800000001","in_pin_code":"560001","house_number":"12","floor_number":"2",
             "tower_number":"B","building_name":"Lake View","address":"MG Road","landmark_area":"Near the metro","city":"Bengaluru","state":"Karnataka"}
            """;
        AssertAccepted(Edit("address_message", P + ".values", values));
    }

    [Fact]
    public void A_singapore_address_uses_its_post_code_and_refuses_the_india_pin_code()
    {
        var message = Edit("address_message", P + ".country", Str("SG"));
        AssertRefused(message, P + ".values.in_pin_code", "unknownMember");

        Edit(message, P + ".values", """{"name":"Tan Wei","sg_post_code":"018956"}""");
        AssertAccepted(message);
        AssertRefused(Edit(message, P + ".values.sg_post_code", Str("0189561")), P + ".values.sg_post_code", "maxLength");
    }

    [Fact]
    public void Saved_addresses_and_validation_errors_are_passed_on()
    {
        var message = Edit("address_message", P + ".saved_addresses", """[{"id":"home","value":{"name":"Asha Rao","in_pin_code":"560001"}}]""");
        AssertAccepted(Edit(message, P + ".validation_errors", """{"in_pin_code":"We do not deliver there yet."}"""));
    }
}
