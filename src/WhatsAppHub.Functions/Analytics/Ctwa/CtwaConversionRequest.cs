using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Inbound;

namespace WhatsAppHub.Functions.Analytics.Ctwa;

/// <summary>
/// The body of <c>POST /api/analytics/ctwa/conversions</c>: who converted, by the click they came from
/// (<c>ctwaClid</c>) or by their WhatsApp id (<c>waId</c>, on <c>phoneNumberId</c>, default the default number); and what
/// it was worth (<c>value</c> in the <c>currency</c>'s major unit, <c>reference</c>, <c>occurredAt</c>).
/// </summary>
public sealed record CtwaConversionRequest(string? CtwaClid, string? WaId, string? PhoneNumberId, double? Value, string? Currency,
    string? Reference, DateTimeOffset? OccurredAt)
{
    private static readonly HashSet<string> Members = new(StringComparer.Ordinal)
        { "ctwaClid", "waId", "phoneNumberId", "value", "currency", "reference", "occurredAt" };

    public static CtwaConversionRequest? Read(JsonObject body, DateTimeOffset now, ValidationErrors errors)
    {
        var path = JsonPath.Root;
        JsonRules.OnlyKnownMembers(body, path, errors, Members);
        var clid = CtwaText.Read(body, "ctwaClid", path, errors, required: false, CtwaKeys.MaxCtwaClidLength);
        var waIdText = CtwaText.Read(body, "waId", path, errors, required: false, 64);
        string? waId = null;
        if (waIdText is not null)
        {
            waId = RecipientRules.ToWaId(waIdText);
            if (waIdText.TrimStart('+').Any(c => !char.IsAsciiDigit(c)) || waId.Length is 0 or > InboundMessageHandler.MaxWaIdDigits)
                errors.Add("$.waId", "pattern", "'waId' must be the contact's WhatsApp id: digits, optionally after a '+'.");
        }
        if (body.ContainsKey("ctwaClid") == body.ContainsKey("waId"))
            errors.Add("$.waId", "oneOf", "Name the contact by 'ctwaClid' or by 'waId' (one of them).");
        var phoneNumberId = CtwaText.Read(body, "phoneNumberId", path, errors, required: false, 256);
        if (phoneNumberId is not null && !Core.Messaging.PhoneNumberId.IsValid(phoneNumberId))
            errors.Add("$.phoneNumberId", "pattern", "'phoneNumberId' must be an EUM phone number id or its ARN.");
        else if (phoneNumberId is not null && body.ContainsKey("ctwaClid"))
            errors.Add("$.phoneNumberId", "conflict", "'phoneNumberId' goes with 'waId'; a click names its number itself.");
        var value = JsonRules.Number(body, "value", path, errors, required: false, 0, 1e12);
        var currency = CtwaText.Read(body, "currency", path, errors, required: false, 3);
        if (currency is not null && (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)))
            errors.Add("$.currency", "pattern", "'currency' must be an ISO 4217 code such as INR or USD.");
        else if (value is not null && !body.ContainsKey("currency"))
            errors.Add("$.currency", "required", "'currency' is required with 'value'.");
        var reference = CtwaText.Read(body, "reference", path, errors, required: false, CtwaClickRequest.MaxLabelLength);
        var occurredAt = CtwaText.Time(body, "occurredAt", path, now, errors);
        return errors.IsEmpty
            ? new CtwaConversionRequest(clid, waId, phoneNumberId is null ? null : Core.Messaging.PhoneNumberId.Normalize(phoneNumberId), value, currency, reference, occurredAt)
            : null;
    }
}
