using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>
/// Address message (§1.7.9): <c>action = { name: "address_message", parameters: { country, values?,
/// saved_addresses?, validation_errors? } }</c>. <c>country</c> is "IN" (or "SG", which older pages listed); the
/// prefilled <c>values</c> are strings, for India limited to Meta's India fields, postal codes at most 6 characters.
/// </summary>
public sealed class AddressMessageRules : IInteractiveTypeRules
{
    public const int MaxPostCodeLength = 6;

    private static readonly HashSet<string> ActionMembers = ["name", "parameters"];
    private static readonly HashSet<string> ParameterMembers = ["country", "values", "saved_addresses", "validation_errors"];
    private static readonly HashSet<string> IndiaFields =
        ["name", "phone_number", "in_pin_code", "house_number", "floor_number", "tower_number", "building_name", "address", "landmark_area", "city", "state"];

    public string Type => "address_message";

    public InteractiveParts Parts => InteractiveParts.TextHeader;

    public void ValidateAction(JsonObject action, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(action, path, errors, ActionMembers);
        ActionRules.Name(action, path, errors, "address_message");
        if (JsonRules.Object(action, "parameters", path, errors, required: true) is not { } parameters) return;
        var p = JsonPath.Member(path, "parameters");
        JsonRules.OnlyKnownMembers(parameters, p, errors, ParameterMembers);

        var country = JsonRules.String(parameters, "country", p, errors, required: true, minLength: 1);
        if (country is { Length: > 0 } and not ("IN" or "SG"))
        {
            errors.Add(JsonPath.Member(p, "country"), "enum", "'country' must be \"IN\" (India) or \"SG\" (Singapore).");
            country = null;
        }
        if (JsonRules.Object(parameters, "values", p, errors, required: false) is { } values)
            ValidateValues(values, JsonPath.Member(p, "values"), country, errors);
        if (JsonRules.Array(parameters, "saved_addresses", p, errors, required: false) is { } saved)
            _ = JsonRules.Objects(saved, JsonPath.Member(p, "saved_addresses"), errors).Count();
        JsonRules.Object(parameters, "validation_errors", p, errors, required: false);
    }

    private static void ValidateValues(JsonObject values, string path, string? country, ValidationErrors errors)
    {
        if (country == "IN") JsonRules.OnlyKnownMembers(values, path, errors, IndiaFields);
        else if (country == "SG" && values.ContainsKey("in_pin_code"))
            errors.Add(JsonPath.Member(path, "in_pin_code"), "unknownMember", "'in_pin_code' is for India; Singapore addresses use 'sg_post_code'.");
        foreach (var (name, _) in values)
        {
            var max = name is "in_pin_code" or "sg_post_code" ? MaxPostCodeLength : int.MaxValue;
            JsonRules.String(values, name, path, errors, required: false, minLength: 1, maxLength: max);
        }
    }
}
