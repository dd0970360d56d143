using System.Globalization;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Functions.Conversations;

/// <summary>
/// The query parameters of the Conversations routes: <c>phoneNumberId</c> (EUM id or ARN), <c>since</c> (ISO 8601,
/// conversations with a message at or after it), <c>limit</c> and <c>continuation</c>. Each bad one is named in the 400.
/// </summary>
public sealed record ConversationListQuery(string? PhoneNumberId, DateTimeOffset? Since, int Limit, TableContinuation? Continuation)
{
    public const int MaxLimit = 200;

    public static (ConversationListQuery? Query, IReadOnlyList<ValidationError> Errors) Read(IQueryCollection query, ValidationErrors? errors = null)
    {
        errors ??= new ValidationErrors();
        var sender = Text(query, "phoneNumberId");
        if (sender is not null && !Core.Messaging.PhoneNumberId.IsValid(sender))
            errors.Add("query.phoneNumberId", "pattern", "'phoneNumberId' must be an EUM phone number id or its ARN.");

        DateTimeOffset? since = null;
        if (Text(query, "since") is { } sinceText)
        {
            if (DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s)) since = s;
            else errors.Add("query.since", "format", "'since' must be an ISO 8601 time such as 2026-11-22T10:00:00Z.");
        }

        var limit = 50;
        if (Text(query, "limit") is { } limitText &&
            (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
            errors.Add("query.limit", "range", $"'limit' must be a whole number from 1 to {MaxLimit}.");

        TableContinuation? continuation = null;
        if (Text(query, "continuation") is { } token && !TableContinuation.TryParse(token, out continuation))
            errors.Add("query.continuation", "format", "'continuation' is not a token this API returned.");

        return errors.IsEmpty
            ? (new ConversationListQuery(sender is null ? null : Core.Messaging.PhoneNumberId.Normalize(sender), since, limit, continuation), errors.All)
            : (null, errors.All);
    }

    /// <summary>
    /// The contact of a route: a phone number with country code, written with or without '+', spaces, '-' or brackets,
    /// becomes its wa_id (digits); anything else is a 400 naming <c>route.waId</c>.
    /// </summary>
    public static string? ReadWaId(string waId, ValidationErrors errors)
    {
        var before = errors.All.Count;
        RecipientRules.Validate(waId, "route.waId", errors);
        return errors.All.Count == before ? RecipientRules.ToWaId(waId) : null;
    }

    private static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrWhiteSpace(values[0]) ? values[0] : null;
}
