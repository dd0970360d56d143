using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging.Interactive;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Payments;

/// <summary>
/// A payment configuration of a WhatsApp Business Account (§8.6): the name under which the business linked a payment
/// gateway to the account in Meta's tools, and which gateway it is. order_details messages name it in
/// <c>payment_settings</c>, so the hub refuses a payment request whose configuration it does not know.
/// </summary>
/// <param name="Gateway">razorpay, payu, billdesk, zaakpay (deep integration) or upi-intent.</param>
public sealed record PaymentConfig(string Name, string Gateway, string? Description);

/// <summary>Reads the bodies of <c>/api/payments/configurations</c>.</summary>
public static class PaymentConfigRules
{
    public const string UpiIntent = "upi-intent";

    /// <summary>Hub limit for the business's own note.</summary>
    public const int MaxDescriptionLength = 256;

    /// <summary>The deep-integration gateways (§8.6) and UPI intent.</summary>
    public static IReadOnlyList<string> Gateways { get; } = [.. PaymentSettingsRules.Gateways, UpiIntent];

    private static readonly HashSet<string> Members = ["configurationName", "gateway", "description"];

    /// <summary>Configuration names are path segments too: letters, digits, '_', '.' and '-', at most 60.</summary>
    public static bool IsName(string name) =>
        name.Length is > 0 and <= PaymentSettingsRules.MaxConfigurationNameLength && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');

    /// <param name="routeName">The name in the route of a PUT; the body may then leave it out or must repeat it.</param>
    public static (PaymentConfig? Config, IReadOnlyList<ValidationError> Errors) Read(ReadOnlySpan<byte> utf8Json, string? routeName)
    {
        var errors = new ValidationErrors();
        var json = JsonBody.ParseObject(utf8Json, errors);
        if (json is null) return (null, errors.All);
        const string root = JsonPath.Root;
        JsonRules.OnlyKnownMembers(json, root, errors, Members);

        var name = JsonRules.String(json, "configurationName", root, errors, required: routeName is null, minLength: 1,
            maxLength: PaymentSettingsRules.MaxConfigurationNameLength);
        if (name is { Length: > 0 } && !IsName(name))
            errors.Add(JsonPath.Member(root, "configurationName"), "pattern", "'configurationName' may hold only letters, digits, '_', '.' and '-'.");
        if (routeName is not null)
        {
            if (!IsName(routeName))
                errors.Add("route.name", "pattern", $"The configuration name in the route may hold only letters, digits, '_', '.' and '-' (at most {PaymentSettingsRules.MaxConfigurationNameLength}).");
            else if (name is not null && name != routeName)
                errors.Add(JsonPath.Member(root, "configurationName"), "enum", "'configurationName' must be the name in the route, or left out.");
            name = routeName;
        }

        var gateway = JsonRules.String(json, "gateway", root, errors, required: true, minLength: 1);
        if (gateway is { Length: > 0 } && !Gateways.Contains(gateway))
            errors.Add(JsonPath.Member(root, "gateway"), "enum", $"'gateway' must be one of: {string.Join(", ", Gateways)}.");
        var description = JsonRules.String(json, "description", root, errors, required: false, minLength: 1, maxLength: MaxDescriptionLength);
        return errors.IsEmpty ? (new PaymentConfig(name!, gateway!, description), errors.All) : (null, errors.All);
    }
}
