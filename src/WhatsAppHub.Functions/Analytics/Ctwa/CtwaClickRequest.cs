using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Functions.Analytics.Ctwa;

/// <summary>
/// One click of <c>POST /api/analytics/ctwa/clicks</c>: the ad (<c>sourceId</c>, required), the click id
/// (<c>ctwaClid</c>: makes the report idempotent), <c>sourceType</c> (ad or post), <c>occurredAt</c> (default now, not in
/// the future), the account (<c>waba</c> or <c>phoneNumberId</c>, default the default number's) and the labels
/// <c>campaign</c> and <c>adName</c>. The body is one click, or <c>{"clicks": [...]}</c> with up to <see cref="MaxBatch"/>.
/// </summary>
public sealed record CtwaClickRequest(string SourceId, string? CtwaClid, string? SourceType, DateTimeOffset? OccurredAt, string? WabaId,
    string? PhoneNumberId, string? Campaign, string? AdName)
{
    public const int MaxBatch = 1_000;
    public const int MaxLabelLength = 256;

    /// <summary>Clocks of the reporting system may run a little ahead of the hub's.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    public static readonly string[] SourceTypes = ["ad", "post"];

    private static readonly HashSet<string> Members = new(StringComparer.Ordinal)
        { "sourceId", "ctwaClid", "sourceType", "occurredAt", "waba", "phoneNumberId", "campaign", "adName" };

    private static readonly HashSet<string> BatchMembers = new(StringComparer.Ordinal) { "clicks" };

    /// <summary>The clicks of the body and whether it was the batch form; every bad field named.</summary>
    public static (IReadOnlyList<CtwaClickRequest> Clicks, bool Batch) Read(JsonObject body, DateTimeOffset now, ValidationErrors errors)
    {
        if (!body.ContainsKey("clicks")) return (Read(body, JsonPath.Root, now, errors) is { } one ? [one] : [], false);
        JsonRules.OnlyKnownMembers(body, JsonPath.Root, errors, BatchMembers);
        var clicks = new List<CtwaClickRequest>();
        if (JsonRules.Array(body, "clicks", JsonPath.Root, errors, required: true, 1, MaxBatch) is { Count: <= MaxBatch } array)
            foreach (var (item, path) in JsonRules.Objects(array, "$.clicks", errors))
                if (Read(item, path, now, errors) is { } click) clicks.Add(click);
        return (clicks, true);
    }

    private static CtwaClickRequest? Read(JsonObject click, string path, DateTimeOffset now, ValidationErrors errors)
    {
        var before = errors.All.Count;
        JsonRules.OnlyKnownMembers(click, path, errors, Members);
        var sourceId = CtwaText.Read(click, "sourceId", path, errors, required: true, CtwaKeys.MaxSourceIdLength);
        var clid = CtwaText.Read(click, "ctwaClid", path, errors, required: false, CtwaKeys.MaxCtwaClidLength);
        var sourceType = CtwaText.Read(click, "sourceType", path, errors, required: false, 16);
        if (sourceType is not null && !SourceTypes.Contains(sourceType, StringComparer.Ordinal))
            errors.Add(JsonPath.Member(path, "sourceType"), "enum", "'sourceType' must be 'ad' or 'post'.");
        var occurredAt = CtwaText.Time(click, "occurredAt", path, now, errors);
        var waba = CtwaText.Read(click, "waba", path, errors, required: false, 256);
        if (waba is not null && !Core.Templates.WabaId.IsValid(waba))
            errors.Add(JsonPath.Member(path, "waba"), "pattern", "'waba' must be an EUM WhatsApp Business Account id (waba-…) or its ARN.");
        var phoneNumberId = CtwaText.Read(click, "phoneNumberId", path, errors, required: false, 256);
        if (phoneNumberId is not null && !Core.Messaging.PhoneNumberId.IsValid(phoneNumberId))
            errors.Add(JsonPath.Member(path, "phoneNumberId"), "pattern", "'phoneNumberId' must be an EUM phone number id or its ARN.");
        else if (phoneNumberId is not null && waba is not null)
            errors.Add(JsonPath.Member(path, "phoneNumberId"), "conflict", "Name the account by 'waba' or by 'phoneNumberId', not both.");
        var campaign = CtwaText.Read(click, "campaign", path, errors, required: false, MaxLabelLength);
        var adName = CtwaText.Read(click, "adName", path, errors, required: false, MaxLabelLength);
        if (errors.All.Count > before) return null;
        return new CtwaClickRequest(sourceId!, clid, sourceType, occurredAt, waba is null ? null : Core.Templates.WabaId.Normalize(waba),
            phoneNumberId is null ? null : Core.Messaging.PhoneNumberId.Normalize(phoneNumberId), campaign, adName);
    }
}

/// <summary>The text and time fields of the Click-to-WhatsApp bodies, read one way.</summary>
internal static class CtwaText
{
    /// <summary>A string of 1 to <paramref name="maxLength"/> characters without control characters (they end up in keys and logs).</summary>
    public static string? Read(JsonObject obj, string name, string path, ValidationErrors errors, bool required, int maxLength)
    {
        var before = errors.All.Count;
        var value = JsonRules.String(obj, name, path, errors, required, 1, maxLength);
        if (value is null || errors.All.Count > before) return null;
        if (value.Any(char.IsControl) || string.IsNullOrWhiteSpace(value))
        {
            errors.Add(JsonPath.Member(path, name), "pattern", $"'{name}' must be text without control characters.");
            return null;
        }
        return value;
    }

    /// <summary>An ISO 8601 time (UTC when no offset is given), not after now.</summary>
    public static DateTimeOffset? Time(JsonObject obj, string name, string path, DateTimeOffset now, ValidationErrors errors)
    {
        if (!obj.TryGetPropertyValue(name, out var node) || node is null) return null;
        if (node.GetValueKind() != JsonValueKind.String
            || !DateTimeOffset.TryParse(node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            errors.Add(JsonPath.Member(path, name), "format", $"'{name}' must be an ISO 8601 time such as 2026-11-22T10:00:00Z.");
            return null;
        }
        if (time > now + CtwaClickRequest.ClockSkew)
        {
            errors.Add(JsonPath.Member(path, name), "range", $"'{name}' must not be in the future.");
            return null;
        }
        return time.ToUniversalTime();
    }
}
