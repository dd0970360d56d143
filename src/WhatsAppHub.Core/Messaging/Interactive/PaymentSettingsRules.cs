using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>
/// <c>payment_settings[]</c> of an order_details message (§8.6): one payment gateway, named by the WABA's payment
/// configuration, with the gateway's own extras and their limits (Razorpay notes and receipt, PayU udf1-4, Zaakpay
/// extra1-2, BillDesk additional_info1-7).
/// </summary>
public static class PaymentSettingsRules
{
    public const int MaxConfigurationNameLength = 60;
    public const int MaxRazorpayNotes = 15;
    public const int MaxRazorpayNoteLength = 256;
    public const int MaxRazorpayReceiptLength = 40;
    public const int MaxPayUFieldLength = 255;
    public const int MaxZaakpayFieldLength = 180;
    public const int MaxBillDeskFieldLength = 120;

    /// <summary>Hub limit: an order is paid through one gateway; Meta shows one setting per message.</summary>
    public const int MaxSettings = 1;

    public static IReadOnlyList<string> Gateways { get; } = ["razorpay", "payu", "billdesk", "zaakpay"];

    private static readonly HashSet<string> SettingMembers = ["type", "payment_gateway"];

    // Each gateway's extras: member name → longest value. Razorpay's notes are an object, checked apart.
    private static readonly Dictionary<string, Dictionary<string, int>> Extras = new(StringComparer.Ordinal)
    {
        ["razorpay"] = new() { ["receipt"] = MaxRazorpayReceiptLength },
        ["payu"] = Numbered("udf", 4, MaxPayUFieldLength),
        ["zaakpay"] = Numbered("extra", 2, MaxZaakpayFieldLength),
        ["billdesk"] = Numbered("additional_info", 7, MaxBillDeskFieldLength),
    };

    /// <summary>Checks <c>payment_settings</c>; returns the configuration name of the first setting when it reads.</summary>
    public static string? Validate(JsonObject parameters, string path, ValidationErrors errors)
    {
        if (JsonRules.Array(parameters, "payment_settings", path, errors, required: true, minCount: 1, maxCount: MaxSettings) is not { } settings)
            return null;
        string? configuration = null;
        foreach (var (setting, p) in JsonRules.Objects(settings, JsonPath.Member(path, "payment_settings"), errors))
        {
            JsonRules.OnlyKnownMembers(setting, p, errors, SettingMembers);
            var type = JsonRules.String(setting, "type", p, errors, required: true, minLength: 1);
            if (type is { Length: > 0 } and not "payment_gateway")
                errors.Add(JsonPath.Member(p, "type"), "enum", "'type' must be \"payment_gateway\".");
            if (JsonRules.Object(setting, "payment_gateway", p, errors, required: true) is { } gateway)
                configuration ??= Gateway(gateway, JsonPath.Member(p, "payment_gateway"), errors);
        }
        return configuration;
    }

    private static string? Gateway(JsonObject gateway, string path, ValidationErrors errors)
    {
        var type = JsonRules.String(gateway, "type", path, errors, required: true, minLength: 1);
        var known = type is not null && Extras.ContainsKey(type);
        if (type is { Length: > 0 } && !known)
            errors.Add(JsonPath.Member(path, "type"), "enum", $"'type' must be one of: {string.Join(", ", Gateways)}.");
        var name = JsonRules.String(gateway, "configuration_name", path, errors, required: true, minLength: 1, maxLength: MaxConfigurationNameLength);

        // The extras sit in a member named like the gateway; without a known type any of them may be meant.
        HashSet<string> members = ["type", "configuration_name"];
        members.UnionWith(known ? new[] { type! } : Extras.Keys);
        JsonRules.OnlyKnownMembers(gateway, path, errors, members);
        if (known && JsonRules.Object(gateway, type!, path, errors, required: false) is { } extras)
            ValidateExtras(type!, extras, JsonPath.Member(path, type!), errors);
        return name;
    }

    private static void ValidateExtras(string gateway, JsonObject extras, string path, ValidationErrors errors)
    {
        var limits = Extras[gateway];
        var members = new HashSet<string>(limits.Keys, StringComparer.Ordinal);
        if (gateway == "razorpay") members.Add("notes");
        JsonRules.OnlyKnownMembers(extras, path, errors, members);
        foreach (var (name, max) in limits)
            JsonRules.String(extras, name, path, errors, required: false, minLength: 1, maxLength: max);
        if (gateway == "razorpay" && JsonRules.Object(extras, "notes", path, errors, required: false) is { } notes)
        {
            var notesPath = JsonPath.Member(path, "notes");
            if (notes.Count > MaxRazorpayNotes)
                errors.Add(notesPath, "maxItems", $"'notes' may hold at most {MaxRazorpayNotes} keys (has {notes.Count}).");
            foreach (var (key, _) in notes)
                JsonRules.String(notes, key, notesPath, errors, required: true, maxLength: MaxRazorpayNoteLength);
        }
    }

    private static Dictionary<string, int> Numbered(string prefix, int count, int max) =>
        Enumerable.Range(1, count).ToDictionary(i => prefix + i, _ => max);
}
