using System.Globalization;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Functions.Problems;

/// <summary>
/// The query parameters every listing shares, read one way: each bad one becomes a validation error named
/// <c>query.{name}</c>, so a 400 lists them all.
/// </summary>
public static class QueryParameters
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>The first value, or null when absent or blank.</summary>
    public static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrWhiteSpace(values[0]) ? values[0] : null;

    /// <summary>
    /// <paramref name="value"/> (a parameter's text, read and perhaps normalized by the caller) when it is one of
    /// <paramref name="allowed"/>; otherwise an error that lists them, in the order given.
    /// </summary>
    public static string? OneOf(string? value, string name, IEnumerable<string> allowed, ValidationErrors errors)
    {
        if (value is null) return null;
        if (allowed.Contains(value, StringComparer.Ordinal)) return value;
        errors.Add($"query.{name}", "enum", $"'{name}' must be one of: {string.Join(", ", allowed)}.");
        return null;
    }

    /// <summary>An ISO 8601 time (UTC when no offset is given).</summary>
    public static DateTimeOffset? Time(IQueryCollection query, string name, ValidationErrors errors)
    {
        if (Text(query, name) is not { } text) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)) return time;
        errors.Add($"query.{name}", "format", $"'{name}' must be an ISO 8601 time such as 2026-11-22T10:00:00Z.");
        return null;
    }

    /// <summary><c>limit</c>: the page size, 1 to <see cref="MaxLimit"/>, default <see cref="DefaultLimit"/>.</summary>
    public static int Limit(IQueryCollection query, ValidationErrors errors)
    {
        if (Text(query, "limit") is not { } text) return DefaultLimit;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit) return limit;
        errors.Add("query.limit", "range", $"'limit' must be a whole number from 1 to {MaxLimit}.");
        return DefaultLimit;
    }

    /// <summary><c>continuation</c>: a token a listing returned.</summary>
    public static TableContinuation? Continuation(IQueryCollection query, ValidationErrors errors)
    {
        if (Text(query, "continuation") is not { } token) return null;
        if (TableContinuation.TryParse(token, out var continuation)) return continuation;
        errors.Add("query.continuation", "format", "'continuation' is not a token this API returned.");
        return null;
    }

    /// <summary><c>phoneNumberId</c>: an EUM phone number id or its ARN, normalized to the id.</summary>
    public static string? PhoneNumberId(IQueryCollection query, ValidationErrors errors)
    {
        if (Text(query, "phoneNumberId") is not { } text) return null;
        if (Core.Messaging.PhoneNumberId.IsValid(text)) return Core.Messaging.PhoneNumberId.Normalize(text);
        errors.Add("query.phoneNumberId", "pattern", "'phoneNumberId' must be an EUM phone number id or its ARN.");
        return null;
    }
}
