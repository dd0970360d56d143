using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Conversations;

/// <summary>
/// The query parameters of the Conversations routes: <c>phoneNumberId</c> (EUM id or ARN), <c>since</c> (ISO 8601,
/// conversations with a message at or after it), <c>limit</c> and <c>continuation</c>. Each bad one is named in the 400.
/// </summary>
public sealed record ConversationListQuery(string? PhoneNumberId, DateTimeOffset? Since, int Limit, TableContinuation? Continuation)
{
    public static (ConversationListQuery? Query, IReadOnlyList<ValidationError> Errors) Read(IQueryCollection query, ValidationErrors? errors = null)
    {
        errors ??= new ValidationErrors();
        var sender = QueryParameters.PhoneNumberId(query, errors);

        var since = QueryParameters.Time(query, "since", errors);
        var limit = QueryParameters.Limit(query, errors);
        var continuation = QueryParameters.Continuation(query, errors);

        return errors.IsEmpty
            ? (new ConversationListQuery(sender, since, limit, continuation), errors.All)
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

}
