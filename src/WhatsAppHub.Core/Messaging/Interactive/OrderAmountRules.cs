using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>
/// Money in Payments India messages (§8.6): <c>{ value, offset }</c> with <c>value</c> a whole number of minor units
/// (paise) and <c>offset</c> 100, so ₹12.34 is <c>{ "value": 1234, "offset": 100 }</c>. Whole numbers keep the sums
/// exact; a fractional value would make "total = subtotal + tax + shipping − discount" depend on rounding.
/// </summary>
public static class OrderAmountRules
{
    public const int Offset = 100;

    /// <summary>Hub limit: ₹10 crore in paise, far above any chat checkout and well inside a long.</summary>
    public const long MaxValue = 10_000_000_000;

    /// <summary>Members Meta allows beside value and offset on tax, shipping and discount.</summary>
    private static readonly HashSet<string> PlainMembers = ["value", "offset"];
    private static readonly HashSet<string> DescribedMembers = ["value", "offset", "description", "discount_program_name"];

    /// <summary>Hub limit for the optional description of tax, shipping and discount.</summary>
    public const int MaxDescriptionLength = 60;

    /// <summary>Reads the amount <c>{name}</c> of <paramref name="parent"/>; returns its value when it is valid.</summary>
    public static long? Read(JsonObject parent, string name, string parentPath, ValidationErrors errors, bool required, bool described = false)
    {
        if (JsonRules.Object(parent, name, parentPath, errors, required) is not { } amount) return null;
        var path = JsonPath.Member(parentPath, name);
        JsonRules.OnlyKnownMembers(amount, path, errors, described ? DescribedMembers : PlainMembers);
        if (described)
        {
            JsonRules.String(amount, "description", path, errors, required: false, minLength: 1, maxLength: MaxDescriptionLength);
            JsonRules.String(amount, "discount_program_name", path, errors, required: false, minLength: 1, maxLength: MaxDescriptionLength);
        }
        var value = JsonRules.Integer(amount, "value", path, errors, required: true, min: 0, max: MaxValue);
        var offset = JsonRules.Integer(amount, "offset", path, errors, required: true);
        if (offset is not null and not Offset)
        {
            errors.Add(JsonPath.Member(path, "offset"), "enum", $"'offset' must be {Offset} (amounts are in paise).");
            return null;
        }
        return offset is null ? null : value;
    }

    /// <summary>The JSON of an amount in paise.</summary>
    public static JsonObject Json(long value) => new() { ["value"] = value, ["offset"] = Offset };
}
