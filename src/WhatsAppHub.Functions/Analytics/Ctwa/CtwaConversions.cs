using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Privacy;
using WhatsAppHub.Functions.Templates;

namespace WhatsAppHub.Functions.Analytics.Ctwa;

public enum CtwaConversionOutcome
{
    /// <summary>The contact never wrote from an ad: nothing to attribute the conversion to.</summary>
    NoReferral,

    /// <summary>The contact had converted already; <see cref="CtwaConversionResult.Marker"/> says how.</summary>
    AlreadyCounted,

    Counted,
}

/// <param name="WabaId">The EUM account of the ad the conversion counts for.</param>
/// <param name="Marker">The contact's conversion marker (the one just written, or the earlier one).</param>
public sealed record CtwaConversionResult(CtwaConversionOutcome Outcome, CtwaFirstReferral? Referral, string? WabaId, TableRow? Marker);

/// <summary>
/// Counts a contact's conversion on the ad of their first referral (<see cref="CtwaAttribution"/>), once per contact
/// whatever converts them next: an <c>order</c> message after the referral (the inbound path), a captured payment (the
/// payments area calls <see cref="RecordAsync(string, string, string, CancellationToken)"/> with <see cref="Payment"/>),
/// or a conversion reported through <c>POST /api/analytics/ctwa/conversions</c>.
/// </summary>
public sealed class CtwaConversions(CtwaAttribution attribution, CtwaMarkers markers, WabaResolver wabas, OutcomeCounter counter, TimeProvider clock,
    ILogger<CtwaConversions> logger)
{
    public const string Order = "order";
    public const string Payment = "payment";
    public const string External = "external";

    /// <summary>A conversion of <paramref name="kind"/> (<see cref="Order"/>, <see cref="Payment"/>, <see cref="External"/>) now.</summary>
    public Task<CtwaConversionResult> RecordAsync(string phoneNumberId, string waId, string kind, CancellationToken cancellationToken) =>
        RecordAsync(phoneNumberId, waId, kind, null, null, null, null, cancellationToken);

    /// <param name="at">When it happened (default now): the UTC day it counts on.</param>
    /// <param name="reference">What converted: the order's wamid, the payment's id, the caller's reference.</param>
    /// <exception cref="InvalidOperationException">EUM did not name the number's account (passing: a retry counts it).</exception>
    public async Task<CtwaConversionResult> RecordAsync(string phoneNumberId, string waId, string kind, DateTimeOffset? at, string? reference,
        double? value, string? currency, CancellationToken cancellationToken)
    {
        if (await attribution.FirstAsync(phoneNumberId, waId, cancellationToken) is not { } first)
            return new CtwaConversionResult(CtwaConversionOutcome.NoReferral, null, null, null);
        var wabaId = await CtwaInboundCounter.WabaAsync(wabas, phoneNumberId, cancellationToken);
        var when = at ?? clock.GetUtcNow();
        var marked = await markers.MarkAsync(phoneNumberId, waId, CtwaKeys.Converted,
        [
            ("kind", kind), ("sourceId", first.SourceId), ("wabaId", wabaId), ("convertedAt", when), ("reference", reference),
            ("value", value), ("currency", currency),
        ], cancellationToken);
        var marker = await markers.GetAsync(phoneNumberId, waId, CtwaKeys.Converted, cancellationToken);
        if (!marked) return new CtwaConversionResult(CtwaConversionOutcome.AlreadyCounted, first, wabaId, marker);

        counter.CountAd(wabaId, first.SourceId, DateOnly.FromDateTime(when.UtcDateTime), CtwaStep.Conversion);
        logger.LogInformation("Click-to-WhatsApp conversion ({Kind}) of {WaId} on {PhoneNumberId} counts for ad {SourceId}",
            kind, Redact.PhoneNumber(waId), phoneNumberId, first.SourceId);
        return new CtwaConversionResult(CtwaConversionOutcome.Counted, first, wabaId, marker);
    }
}
