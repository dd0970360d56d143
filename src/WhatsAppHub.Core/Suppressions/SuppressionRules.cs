using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Suppressions;

/// <summary>
/// Reads and checks the suppression requests a business sends (<c>POST /api/suppressions</c> and its bulk form): the
/// contact (<c>waId</c>, digits, or <c>phoneNumber</c>, written any way <see cref="RecipientRules"/> accepts), the
/// number it applies to (all numbers when left out), a reason and the template categories it blocks (marketing when
/// left out). Every broken rule is named by its JSON path.
/// </summary>
public static class SuppressionRules
{
    public const int MaxReasonLength = 500;
    public const int MaxBulkEntries = 1000;

    private static readonly HashSet<string> Members = ["waId", "phoneNumber", "phoneNumberId", "reason", "categories"];
    private static readonly HashSet<string> BulkMembers = ["entries"];

    public static (NewSuppression? Suppression, IReadOnlyList<ValidationError> Errors) Read(ReadOnlySpan<byte> utf8Json)
    {
        var errors = new ValidationErrors();
        var json = JsonBody.ParseObject(utf8Json, errors);
        if (json is null) return (null, errors.All);
        var entry = ReadEntry(json, JsonPath.Root, errors);
        return errors.IsEmpty ? (entry, errors.All) : (null, errors.All);
    }

    /// <summary><c>{"entries": [...]}</c>: every entry is checked, so the 400 names each bad index at once. Two entries
    /// for the same contact and number would race each other, so the later one is refused.</summary>
    public static (IReadOnlyList<NewSuppression>? Entries, IReadOnlyList<ValidationError> Errors) ReadBulk(ReadOnlySpan<byte> utf8Json)
    {
        var errors = new ValidationErrors();
        var json = JsonBody.ParseObject(utf8Json, errors);
        if (json is null) return (null, errors.All);
        JsonRules.OnlyKnownMembers(json, JsonPath.Root, errors, BulkMembers);
        var array = JsonRules.Array(json, "entries", JsonPath.Root, errors, required: true, minCount: 1, maxCount: MaxBulkEntries);
        if (array is null || array.Count > MaxBulkEntries) return (null, errors.All);

        var entries = new List<NewSuppression>();
        var seen = new HashSet<(string, string?)>();
        foreach (var (item, path) in JsonRules.Objects(array, JsonPath.Member(JsonPath.Root, "entries"), errors))
        {
            var before = errors.All.Count;
            var entry = ReadEntry(item, path, errors);
            if (entry is null || errors.All.Count > before) continue;
            if (!seen.Add((entry.WaId, entry.PhoneNumberId)))
                errors.Add(path, "unique", $"Contact {entry.WaId} is listed twice for {entry.PhoneNumberId ?? "all numbers"}.");
            else
                entries.Add(entry);
        }
        return errors.IsEmpty ? (entries, errors.All) : (null, errors.All);
    }

    private static NewSuppression? ReadEntry(JsonObject json, string path, ValidationErrors errors)
    {
        var before = errors.All.Count;
        var waId = Contact(json, path, errors);
        string? phoneNumberId = null;
        if (JsonRules.String(json, "phoneNumberId", path, errors, required: false, minLength: 1, maxLength: PhoneNumberId.MaxLength) is { } number)
        {
            if (PhoneNumberId.IsValid(number)) phoneNumberId = PhoneNumberId.Normalize(number);
            else errors.Add(JsonPath.Member(path, "phoneNumberId"), "pattern", "'phoneNumberId' must be an EUM phone number id or its ARN.");
        }
        var reason = JsonRules.String(json, "reason", path, errors, required: false, maxLength: MaxReasonLength);
        var categories = Categories(json, path, errors);
        JsonRules.OnlyKnownMembers(json, path, errors, Members);
        return errors.All.Count == before && waId is not null ? new NewSuppression(waId, phoneNumberId, reason, categories) : null;
    }

    /// <summary>Exactly one of <c>waId</c> (Meta's digits) and <c>phoneNumber</c> (any way a person writes it).</summary>
    private static string? Contact(JsonObject json, string path, ValidationErrors errors)
    {
        var waId = JsonRules.String(json, "waId", path, errors, required: false, minLength: 1, maxLength: RecipientRules.MaxPhoneLength);
        var phone = JsonRules.String(json, "phoneNumber", path, errors, required: false, minLength: 1, maxLength: RecipientRules.MaxPhoneLength);
        if (json.ContainsKey("waId") && json.ContainsKey("phoneNumber"))
        {
            errors.Add(JsonPath.Member(path, "phoneNumber"), "exclusive", "Give either 'waId' or 'phoneNumber', not both.");
            return null;
        }
        if (!json.ContainsKey("waId") && !json.ContainsKey("phoneNumber"))
        {
            errors.Add(JsonPath.Member(path, "waId"), "required", "'waId' (or 'phoneNumber') is required.");
            return null;
        }
        if (waId is { Length: > 0 and <= RecipientRules.MaxPhoneLength })
        {
            var waIdPath = JsonPath.Member(path, "waId");
            if (!waId.All(char.IsAsciiDigit))
            {
                errors.Add(waIdPath, "pattern", "'waId' must be the contact's digits only, country code first (use 'phoneNumber' for a formatted number).");
                return null;
            }
            return Checked(waId, waIdPath, "waId", errors);
        }
        if (phone is { Length: > 0 and <= RecipientRules.MaxPhoneLength })
            return Checked(phone, JsonPath.Member(path, "phoneNumber"), "phoneNumber", errors);
        return null;
    }

    private static string? Checked(string number, string path, string name, ValidationErrors errors)
    {
        var before = errors.All.Count;
        RecipientRules.Validate(number, path, errors, name);
        return errors.All.Count == before ? RecipientRules.ToWaId(number) : null;
    }

    private static IReadOnlyList<string> Categories(JsonObject json, string path, ValidationErrors errors)
    {
        var array = JsonRules.Array(json, "categories", path, errors, required: false, minCount: 1, maxCount: SuppressionCategories.All.Count);
        if (array is null) return [SuppressionCategories.Marketing];
        var categories = new List<string>();
        var arrayPath = JsonPath.Member(path, "categories");
        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = JsonPath.Index(arrayPath, i);
            var value = array[i] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
            if (value is null || !SuppressionCategories.All.Contains(value))
                errors.Add(itemPath, "enum", "Each category must be one of: " + string.Join(", ", SuppressionCategories.All) + ".");
            else if (categories.Contains(value))
                errors.Add(itemPath, "unique", $"'{value}' is listed twice.");
            else
                categories.Add(value);
        }
        return categories;
    }
}

/// <summary>What a business asked to suppress: <paramref name="PhoneNumberId"/> null means every number of the hub.</summary>
public sealed record NewSuppression(string WaId, string? PhoneNumberId, string? Reason, IReadOnlyList<string> Categories);

/// <summary>The template categories a suppression can block (Meta's template categories, lower case).</summary>
public static class SuppressionCategories
{
    public const string Marketing = "marketing";
    public const string Utility = "utility";
    public const string Authentication = "authentication";

    public static IReadOnlyList<string> All { get; } = [Marketing, Utility, Authentication];
}
