using System.Globalization;
using System.Text.Json;

namespace WhatsAppHub.Core.Inbound;

/// <summary>
/// Reads a <c>statuses[]</c> item of <c>type: "payment"</c> (§8.6; the exact shape is the BSPs', not confirmed by
/// Meta): <c>status</c>, <c>payment { reference_id, amount { value, offset }, currency, transaction { id, type,
/// status, created_timestamp, updated_timestamp, method_type, error { code, reason } } }</c>.
/// </summary>
internal static class PaymentStatusReader
{
    /// <summary>The payment status, or null when it has no status or names no order (then it is kept as unknown).</summary>
    public static PaymentStatus? Read(JsonElement item, ChangeMetadata metadata)
    {
        if (Json.Str(item, "status") is not { Length: > 0 } status) return null;
        if (Json.Prop(item, "payment") is not { ValueKind: JsonValueKind.Object } payment) return null;
        if (Json.Str(payment, "reference_id") is not { Length: > 0 } referenceId) return null;
        var amount = Json.Prop(payment, "amount") is { ValueKind: JsonValueKind.Object } a ? a : (JsonElement?)null;
        var transaction = Json.Prop(payment, "transaction") is { ValueKind: JsonValueKind.Object } t ? Transaction(t) : null;
        return new PaymentStatus(metadata, Json.Text(item, "id"), status, referenceId, Json.UnixTime(item, "timestamp"),
            Json.Str(item, "recipient_id"), amount is { } v ? Long(v, "value") : null, amount is { } o ? Long(o, "offset") : null,
            Json.Str(payment, "currency"), transaction, item.GetRawText());
    }

    private static PaymentTransaction Transaction(JsonElement t)
    {
        var error = Json.Prop(t, "error") is { ValueKind: JsonValueKind.Object } e ? e : (JsonElement?)null;
        return new PaymentTransaction(Json.Text(t, "id"), Json.Str(t, "type"), Json.Str(t, "status"), Json.Str(t, "method_type"),
            Json.UnixTime(t, "created_timestamp"), Json.UnixTime(t, "updated_timestamp"),
            error is { } c ? Json.Text(c, "code") : null, error is { } r ? Json.Str(r, "reason") : null);
    }

    private static long? Long(JsonElement element, string name) => Json.Prop(element, name) switch
    {
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt64(out var l) => l,
        { ValueKind: JsonValueKind.String } value when long.TryParse(Json.String(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        _ => null,
    };
}
