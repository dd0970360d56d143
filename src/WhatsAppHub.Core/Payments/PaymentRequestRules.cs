using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Messaging.Interactive;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Payments;

/// <summary>
/// Reads <c>POST /api/payments</c>: every field is checked and every broken rule named at its path, the two sums
/// included (<c>$.subtotal</c> = Σ item × quantity, <c>$.total</c> = subtotal + tax + shipping − discount), so the
/// order_details message built from it (<see cref="PaymentOrder"/>) passes Meta's rules.
/// </summary>
public static class PaymentRequestRules
{
    /// <summary>Retries append <c>-2</c> … <c>-9</c>, so the reference leaves two of Meta's 35 characters free.</summary>
    public const int MaxReferenceIdLength = OrderDetailsRules.MaxReferenceIdLength - 2;

    public const int MaxAttemptsLimit = 9;
    public const int DefaultMaxAttempts = 3;

    /// <summary>Hub limit: a payment request waits at most a week (a WhatsApp order card is not kept open longer).</summary>
    public const int MaxWaitSeconds = 7 * 24 * 3600;

    public const int DefaultReminderSeconds = 900;

    private static readonly HashSet<string> Members =
    [
        "to", "phoneNumberId", "configurationName", "referenceId", "type", "items", "subtotal", "tax", "shipping", "discount", "total",
        "body", "footer", "beneficiaries", "expiresInSeconds", "reminderSeconds", "maxAttempts",
    ];
    private static readonly HashSet<string> ItemMembers = ["retailerId", "name", "amount", "saleAmount", "quantity"];

    public static (PaymentRequest? Request, IReadOnlyList<ValidationError> Errors) Read(ReadOnlySpan<byte> utf8Json, Func<string> newReferenceId)
    {
        var errors = new ValidationErrors();
        var json = JsonBody.ParseObject(utf8Json, errors);
        if (json is null) return (null, errors.All);
        var request = Read(json, errors, newReferenceId);
        return errors.IsEmpty ? (request, errors.All) : (null, errors.All);
    }

    private static PaymentRequest? Read(JsonObject json, ValidationErrors errors, Func<string> newReferenceId)
    {
        const string root = JsonPath.Root;
        JsonRules.OnlyKnownMembers(json, root, errors, Members);

        var to = JsonRules.String(json, "to", root, errors, required: true, minLength: 1);
        if (to is { Length: > 0 }) RecipientRules.Validate(to, JsonPath.Member(root, "to"), errors);
        string? phoneNumberId = null;
        if (JsonRules.String(json, "phoneNumberId", root, errors, required: false, minLength: 1, maxLength: PhoneNumberId.MaxLength) is { Length: > 0 } number)
        {
            if (PhoneNumberId.IsValid(number)) phoneNumberId = PhoneNumberId.Normalize(number);
            else errors.Add(JsonPath.Member(root, "phoneNumberId"), "pattern", "'phoneNumberId' must be an EUM phone number id or its ARN.");
        }
        var configuration = JsonRules.String(json, "configurationName", root, errors, required: true, minLength: 1,
            maxLength: PaymentSettingsRules.MaxConfigurationNameLength);

        var referenceId = JsonRules.String(json, "referenceId", root, errors, required: false, minLength: 1, maxLength: MaxReferenceIdLength);
        if (referenceId is { Length: > 0 } && !OrderDetailsRules.IsReferenceId(referenceId))
            errors.Add(JsonPath.Member(root, "referenceId"), "pattern", "'referenceId' may hold only letters, digits, '_', '.' and '-'.");

        var type = JsonRules.String(json, "type", root, errors, required: true, minLength: 1);
        if (type is { Length: > 0 } and not ("digital-goods" or "physical-goods"))
            errors.Add(JsonPath.Member(root, "type"), "enum", "'type' must be \"digital-goods\" or \"physical-goods\".");
        // Beneficiaries go to Meta as given; the order_details rules check them (their paths then name the message).
        var beneficiaries = JsonRules.Array(json, "beneficiaries", root, errors, required: type == "physical-goods", minCount: 1);

        var items = Items(json, errors);
        var subtotal = Amount(json, "subtotal", errors, required: true);
        var tax = Amount(json, "tax", errors, required: true);
        var shipping = Amount(json, "shipping", errors, required: false);
        var discount = Amount(json, "discount", errors, required: false);
        var total = Amount(json, "total", errors, required: true);
        if (items is not null && subtotal is not null)
        {
            var sum = items.Sum(i => i.LineTotal);
            if (sum != subtotal)
                errors.Add(JsonPath.Member(root, "subtotal"), "sum", $"'subtotal' must equal the sum of each item's amount (or saleAmount) times its quantity ({sum}); it is {subtotal}.");
        }
        var partsRead = subtotal is not null && tax is not null && (shipping is not null || !json.ContainsKey("shipping")) && (discount is not null || !json.ContainsKey("discount"));
        if (partsRead && total is not null)
        {
            var expected = subtotal + tax + (shipping ?? 0) - (discount ?? 0);
            if (expected != total)
                errors.Add(JsonPath.Member(root, "total"), "sum", $"'total' must equal subtotal + tax + shipping - discount ({expected}); it is {total}.");
        }

        var body = JsonRules.String(json, "body", root, errors, required: true, minLength: 1, maxLength: TextPartRules.MaxBodyLength);
        var footer = JsonRules.String(json, "footer", root, errors, required: false, minLength: 1, maxLength: TextPartRules.MaxFooterLength);
        var expires = JsonRules.Integer(json, "expiresInSeconds", root, errors, required: true, min: 1, max: MaxWaitSeconds);
        var reminder = JsonRules.Integer(json, "reminderSeconds", root, errors, required: false, min: 1, max: MaxWaitSeconds) ?? DefaultReminderSeconds;
        var attempts = JsonRules.Integer(json, "maxAttempts", root, errors, required: false, min: 1, max: MaxAttemptsLimit) ?? DefaultMaxAttempts;

        if (!errors.IsEmpty) return null;
        return new PaymentRequest(to!, phoneNumberId, configuration!, referenceId ?? newReferenceId(), type!, items!, subtotal!.Value, tax!.Value,
            shipping, discount, total!.Value, body!, footer, (JsonArray?)beneficiaries?.DeepClone(), (int)expires!.Value, (int)reminder, (int)attempts);
    }

    private static List<PaymentItem>? Items(JsonObject json, ValidationErrors errors)
    {
        if (JsonRules.Array(json, "items", JsonPath.Root, errors, required: true, minCount: 1, maxCount: OrderDetailsRules.MaxItems) is not { } array)
            return null;
        var items = new List<PaymentItem>();
        var ok = array.Count is >= 1 and <= OrderDetailsRules.MaxItems;
        foreach (var (item, path) in JsonRules.Objects(array, JsonPath.Member(JsonPath.Root, "items"), errors))
        {
            JsonRules.OnlyKnownMembers(item, path, errors, ItemMembers);
            var retailerId = JsonRules.String(item, "retailerId", path, errors, required: false, minLength: 1, maxLength: OrderDetailsRules.MaxFieldLength);
            var name = JsonRules.String(item, "name", path, errors, required: true, minLength: 1, maxLength: OrderDetailsRules.MaxItemNameLength);
            var amount = Amount(item, "amount", errors, required: true, path);
            var sale = Amount(item, "saleAmount", errors, required: false, path);
            if (sale is not null && amount is not null && sale > amount)
                errors.Add(JsonPath.Member(path, "saleAmount"), "range", "'saleAmount' must not exceed 'amount'.");
            var quantity = JsonRules.Integer(item, "quantity", path, errors, required: true, min: 1, max: OrderDetailsRules.MaxQuantity);
            if (name is null || amount is null || quantity is null || (item.ContainsKey("saleAmount") && sale is null)) ok = false;
            else items.Add(new PaymentItem(retailerId, name, amount.Value, sale, quantity.Value));
        }
        return ok && items.Count == array.Count ? items : null;
    }

    /// <summary>A whole number of paise: ₹12.34 is 1234.</summary>
    private static long? Amount(JsonObject obj, string name, ValidationErrors errors, bool required, string path = JsonPath.Root) =>
        JsonRules.Integer(obj, name, path, errors, required, min: 0, max: OrderAmountRules.MaxValue);
}
