using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Templates;

/// <summary>
/// The OTP button of an authentication template (§3.7): <c>COPY_CODE</c>, <c>ONE_TAP</c> (autofill in the named Android
/// apps) or <c>ZERO_TAP</c> (the same apps, and the business accepts Meta's zero-tap terms).
/// </summary>
public static class OtpButtonRules
{
    public const string CopyCode = "COPY_CODE";
    public const string OneTap = "ONE_TAP";
    public const string ZeroTap = "ZERO_TAP";
    /// <summary>Meta's maximum is unconfirmed (§3.7); AWS's SupportedApp list allows 10.</summary>
    public const int MaxSupportedApps = 10;
    /// <summary>EUM's SupportedApp map values are 1–100 characters.</summary>
    public const int MaxAppFieldLength = 100;

    public static IReadOnlyList<string> OtpTypes { get; } = [CopyCode, OneTap, ZeroTap];

    private static readonly HashSet<string> Members = ["type", "otp_type", "text", "autofill_text", "supported_apps", "zero_tap_terms_accepted"];
    private static readonly HashSet<string> AppMembers = ["package_name", "signature_hash"];

    public static void Validate(JsonObject button, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(button, path, errors, Members);
        var otpType = JsonRules.String(button, "otp_type", path, errors, required: true, minLength: 1)?.ToUpperInvariant();
        if (otpType is { Length: > 0 } && !OtpTypes.Contains(otpType))
        {
            errors.Add(JsonPath.Member(path, "otp_type"), "enum", $"'otp_type' must be one of: {string.Join(", ", OtpTypes)}.");
            otpType = null;
        }
        JsonRules.String(button, "text", path, errors, required: false, minLength: 1, maxLength: TemplateButtonsRules.MaxLabelLength);
        // The autofill label's limit is not stated; the button label's applies as the closest fact.
        JsonRules.String(button, "autofill_text", path, errors, required: false, minLength: 1, maxLength: TemplateButtonsRules.MaxLabelLength);
        var tap = otpType is OneTap or ZeroTap;
        var apps = JsonRules.Array(button, "supported_apps", path, errors, required: tap, minCount: tap ? 1 : 0, maxCount: MaxSupportedApps);
        if (apps is not null)
        {
            foreach (var (app, appPath) in JsonRules.Objects(apps, JsonPath.Member(path, "supported_apps"), errors))
            {
                JsonRules.OnlyKnownMembers(app, appPath, errors, AppMembers);
                JsonRules.String(app, "package_name", appPath, errors, required: true, minLength: 1, maxLength: MaxAppFieldLength);
                JsonRules.String(app, "signature_hash", appPath, errors, required: true, minLength: 1, maxLength: MaxAppFieldLength);
            }
        }
        var terms = JsonRules.Boolean(button, "zero_tap_terms_accepted", path, errors);
        if (otpType == ZeroTap && terms != true && !(button.ContainsKey("zero_tap_terms_accepted") && terms is null))
            errors.Add(JsonPath.Member(path, "zero_tap_terms_accepted"), "zeroTapTerms", "A ZERO_TAP button needs 'zero_tap_terms_accepted': true.");
    }
}
