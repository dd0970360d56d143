using System.Collections.Concurrent;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Core.Templates;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Templates;

/// <summary>
/// Which WhatsApp Business Account a template route acts on: <c>?waba=</c> when given, else the account the default
/// sending number (<c>Eum__DefaultPhoneNumberId</c>) is linked to; and which account a sending number belongs to. EUM
/// is asked once per number and process (a number never moves between accounts); templates belong to the account, so no
/// setting of its own is needed.
/// </summary>
public sealed class WabaResolver(ISocialMessaging eum, HubOptions options, ILogger<WabaResolver> logger)
{
    private readonly ConcurrentDictionary<string, string> _byPhoneNumber = new(StringComparer.Ordinal);

    /// <summary>The <c>waba</c> query parameter, normalized; an error named <c>query.waba</c> when malformed.</summary>
    public static string? Read(IQueryCollection query, ValidationErrors errors)
    {
        if (QueryParameters.Text(query, "waba") is not { } text) return null;
        if (WabaId.IsValid(text)) return WabaId.Normalize(text);
        errors.Add("query.waba", "pattern", "'waba' must be an EUM WhatsApp Business Account id (waba-…) or its ARN.");
        return null;
    }

    /// <summary>The given account, or the default number's; a problem when EUM could not say which.</summary>
    public Task<(string? WabaId, IResult? Problem)> ResolveAsync(string? given, CancellationToken cancellationToken) =>
        given is not null ? Task.FromResult<(string?, IResult?)>((given, null)) : ForPhoneNumberAsync(options.Eum.DefaultPhoneNumberId, cancellationToken);

    /// <summary>The account <paramref name="phoneNumberId"/> is linked to; a problem when EUM could not say which.</summary>
    public async Task<(string? WabaId, IResult? Problem)> ForPhoneNumberAsync(string phoneNumberId, CancellationToken cancellationToken)
    {
        if (_byPhoneNumber.TryGetValue(phoneNumberId, out var known)) return (known, null);
        var (response, problem) = await EumCall.RunAsync(() => eum.GetLinkedWhatsAppBusinessAccountPhoneNumberAsync(
            new GetLinkedWhatsAppBusinessAccountPhoneNumberRequest { Id = phoneNumberId }, cancellationToken),
            logger, "GetLinkedWhatsAppBusinessAccountPhoneNumber", cancellationToken);
        if (problem is not null) return (null, problem);
        if (response!.LinkedWhatsAppBusinessAccountId is not { } linked || !WabaId.IsValid(linked))
            return (null, Results.Problem(type: HubProblems.TypeUri("eum-error"), title: "EUM could not complete the call.",
                statusCode: StatusCodes.Status502BadGateway,
                detail: $"EUM did not name the WhatsApp Business Account of phone number {phoneNumberId}; pass ?waba=."));
        var wabaId = WabaId.Normalize(linked);
        _byPhoneNumber[phoneNumberId] = wabaId;
        return (wabaId, null);
    }
}
