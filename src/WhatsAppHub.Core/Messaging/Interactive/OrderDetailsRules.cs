using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>
/// Order details, the Payments India review-and-pay card (§8.6): <c>action = { name: "review_and_pay", parameters:
/// { reference_id, type, beneficiaries?, currency: "INR", total_amount, payment_settings, order } }</c>. Amounts are
/// whole paise with offset 100 and must add up: subtotal = Σ item price × quantity, total = subtotal + tax + shipping
/// − discount. Each broken sum is named at the amount that disagrees, so a caller sees which figure to fix.
/// </summary>
public sealed class OrderDetailsRules : IInteractiveTypeRules
{
    public const int MaxReferenceIdLength = 35;
    public const int MaxItemNameLength = 60;
    public const int MaxItemsWithImages = 10;
    public const int MaxBeneficiaryNameLength = 200;
    public const int MaxAddressLineLength = 100;
    public const int PostalCodeLength = 6;

    /// <summary>Hub limit: Meta states none without custom images; a chat checkout with more lines is unreadable.</summary>
    public const int MaxItems = 100;

    /// <summary>Hub limit on one item's quantity.</summary>
    public const long MaxQuantity = 10_000;

    /// <summary>Hub limit for retailer ids, city, state and the other free-text order fields Meta gives no limit for.</summary>
    public const int MaxFieldLength = 200;

    private static readonly HashSet<string> ActionMembers = ["name", "parameters"];
    private static readonly HashSet<string> ParameterMembers =
        ["reference_id", "type", "beneficiaries", "currency", "total_amount", "payment_settings", "order"];
    private static readonly HashSet<string> OrderMembers =
        ["status", "type", "catalog_id", "expiration", "items", "subtotal", "tax", "shipping", "discount"];
    private static readonly HashSet<string> ItemMembers =
        ["retailer_id", "product_id", "name", "image", "amount", "sale_amount", "quantity", "country_of_origin", "importer_name", "importer_address"];
    private static readonly HashSet<string> BeneficiaryMembers =
        ["name", "address_line1", "address_line2", "city", "state", "country", "postal_code"];
    private static readonly HashSet<string> ImageMembers = ["link"];
    private static readonly HashSet<string> ExpirationMembers = ["timestamp", "description"];

    public string Type => "order_details";

    /// <summary>The header is optional (Meta shows the first product image without one); body required, footer optional.</summary>
    public InteractiveParts Parts { get; } = new(Presence.Optional, HeaderKinds.Text | HeaderKinds.Image, Presence.Required, Presence.Optional);

    public void ValidateAction(JsonObject action, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(action, path, errors, ActionMembers);
        ActionRules.Name(action, path, errors, "review_and_pay");
        if (JsonRules.Object(action, "parameters", path, errors, required: true) is not { } parameters) return;
        var p = JsonPath.Member(path, "parameters");
        JsonRules.OnlyKnownMembers(parameters, p, errors, ParameterMembers);

        ReferenceId(parameters, p, errors);
        var type = JsonRules.String(parameters, "type", p, errors, required: true, minLength: 1);
        if (type is { Length: > 0 } and not ("digital-goods" or "physical-goods"))
            errors.Add(JsonPath.Member(p, "type"), "enum", "'type' must be \"digital-goods\" or \"physical-goods\".");
        Beneficiaries(parameters, p, errors, physical: type == "physical-goods");

        var currency = JsonRules.String(parameters, "currency", p, errors, required: true, minLength: 1);
        if (currency is { Length: > 0 } and not "INR")
            errors.Add(JsonPath.Member(p, "currency"), "enum", "'currency' must be \"INR\" (Payments API India).");
        var total = OrderAmountRules.Read(parameters, "total_amount", p, errors, required: true);
        PaymentSettingsRules.Validate(parameters, p, errors);

        if (JsonRules.Object(parameters, "order", p, errors, required: true) is not { } order) return;
        var orderPath = JsonPath.Member(p, "order");
        var expected = Order(order, orderPath, errors);
        if (total is not null && expected is not null && total != expected)
            errors.Add(JsonPath.Member(JsonPath.Member(p, "total_amount"), "value"), "sum",
                $"'total_amount' must equal subtotal + tax + shipping - discount ({expected}); it is {total}.");
    }

    /// <summary>Reads <c>reference_id</c>: ≤ 35 characters of letters, digits, '_', '.' and '-'.</summary>
    public static string? ReferenceId(JsonObject parameters, string path, ValidationErrors errors)
    {
        var id = JsonRules.String(parameters, "reference_id", path, errors, required: true, minLength: 1, maxLength: MaxReferenceIdLength);
        if (id is { Length: > 0 } && !IsReferenceId(id))
            errors.Add(JsonPath.Member(path, "reference_id"), "pattern", "'reference_id' may hold only letters, digits, '_', '.' and '-'.");
        return id;
    }

    public static bool IsReferenceId(string value) =>
        value.Length is > 0 and <= MaxReferenceIdLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');

    /// <summary>Checks the order; returns the total it implies (subtotal + tax + shipping − discount) when every part reads.</summary>
    private static long? Order(JsonObject order, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(order, path, errors, OrderMembers);
        var status = JsonRules.String(order, "status", path, errors, required: true, minLength: 1);
        if (status is { Length: > 0 } and not "pending")
            errors.Add(JsonPath.Member(path, "status"), "enum", "An order_details message asks for payment: 'status' must be \"pending\".");
        var type = JsonRules.String(order, "type", path, errors, required: false);
        if (type is not null and not "quick_pay")
            errors.Add(JsonPath.Member(path, "type"), "enum", "'type' must be \"quick_pay\" or left out.");
        JsonRules.String(order, "catalog_id", path, errors, required: false, minLength: 1, maxLength: ActionRules.MaxCatalogIdLength);
        if (JsonRules.Object(order, "expiration", path, errors, required: false) is { } expiration)
        {
            var e = JsonPath.Member(path, "expiration");
            JsonRules.OnlyKnownMembers(expiration, e, errors, ExpirationMembers);
            var timestamp = JsonRules.String(expiration, "timestamp", e, errors, required: true, minLength: 1);
            if (timestamp is { Length: > 0 } && !long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                errors.Add(JsonPath.Member(e, "timestamp"), "pattern", "'timestamp' must be Unix seconds as a string.");
            JsonRules.String(expiration, "description", e, errors, required: false, minLength: 1, maxLength: MaxFieldLength);
        }

        var itemsTotal = Items(order, path, errors, hasCatalog: order.ContainsKey("catalog_id"));
        var subtotal = OrderAmountRules.Read(order, "subtotal", path, errors, required: true);
        var tax = OrderAmountRules.Read(order, "tax", path, errors, required: true, described: true);
        var shipping = OrderAmountRules.Read(order, "shipping", path, errors, required: false, described: true);
        var discount = OrderAmountRules.Read(order, "discount", path, errors, required: false, described: true);
        if (subtotal is not null && itemsTotal is not null && subtotal != itemsTotal)
            errors.Add(JsonPath.Member(JsonPath.Member(path, "subtotal"), "value"), "sum",
                $"'subtotal' must equal the sum of each item's amount (or sale_amount) times its quantity ({itemsTotal}); it is {subtotal}.");

        var broken = subtotal is null || tax is null
            || (order.ContainsKey("shipping") && shipping is null) || (order.ContainsKey("discount") && discount is null);
        return broken ? null : subtotal + tax + (shipping ?? 0) - (discount ?? 0);
    }

    /// <summary>Checks the items; returns Σ price × quantity when every item reads.</summary>
    private static long? Items(JsonObject order, string path, ValidationErrors errors, bool hasCatalog)
    {
        if (JsonRules.Array(order, "items", path, errors, required: true, minCount: 1, maxCount: MaxItems) is not { } items) return null;
        var itemsPath = JsonPath.Member(path, "items");
        long? sum = 0;
        var withImages = 0;
        foreach (var (item, p) in JsonRules.Objects(items, itemsPath, errors))
        {
            JsonRules.OnlyKnownMembers(item, p, errors, ItemMembers);
            JsonRules.String(item, "retailer_id", p, errors, required: false, minLength: 1, maxLength: MaxFieldLength);
            JsonRules.String(item, "product_id", p, errors, required: false, minLength: 1, maxLength: MaxFieldLength);
            JsonRules.String(item, "name", p, errors, required: true, minLength: 1, maxLength: MaxItemNameLength);
            foreach (var name in (string[])["country_of_origin", "importer_name"])
                JsonRules.String(item, name, p, errors, required: false, minLength: 1, maxLength: MaxFieldLength);
            // Meta's importer address fields are not confirmed (§8.6): an object, passed on as given.
            JsonRules.Object(item, "importer_address", p, errors, required: false);
            if (JsonRules.Object(item, "image", p, errors, required: false) is { } image)
            {
                withImages++;
                var imagePath = JsonPath.Member(p, "image");
                JsonRules.OnlyKnownMembers(image, imagePath, errors, ImageMembers);
                ActionRules.Url(image, "link", imagePath, errors);
                // A custom image stands in for the catalog's: Meta then takes no retailer id.
                if (item.ContainsKey("retailer_id"))
                    errors.Add(JsonPath.Member(p, "retailer_id"), "notAllowed", "An item with a custom 'image' takes no 'retailer_id'.");
            }
            var amount = OrderAmountRules.Read(item, "amount", p, errors, required: true);
            var sale = OrderAmountRules.Read(item, "sale_amount", p, errors, required: false);
            if (sale is not null && amount is not null && sale > amount)
                errors.Add(JsonPath.Member(JsonPath.Member(p, "sale_amount"), "value"), "range", "'sale_amount' must not exceed 'amount'.");
            var quantity = JsonRules.Integer(item, "quantity", p, errors, required: true, min: 1, max: MaxQuantity);
            var price = item.ContainsKey("sale_amount") ? sale : amount;
            sum = price is null || quantity is null ? null : sum + price * quantity;
        }
        if (withImages > 0 && items.Count > MaxItemsWithImages)
            errors.Add(itemsPath, "maxItems", $"An order with custom item images may hold at most {MaxItemsWithImages} items (has {items.Count}).");
        if (withImages > 0 && hasCatalog)
            errors.Add(JsonPath.Member(path, "catalog_id"), "notAllowed", "An order with custom item images takes no 'catalog_id'.");
        return sum;
    }

    private static void Beneficiaries(JsonObject parameters, string path, ValidationErrors errors, bool physical)
    {
        if (JsonRules.Array(parameters, "beneficiaries", path, errors, required: physical, minCount: 1) is not { } list) return;
        foreach (var (beneficiary, p) in JsonRules.Objects(list, JsonPath.Member(path, "beneficiaries"), errors))
        {
            JsonRules.OnlyKnownMembers(beneficiary, p, errors, BeneficiaryMembers);
            JsonRules.String(beneficiary, "name", p, errors, required: true, minLength: 1, maxLength: MaxBeneficiaryNameLength);
            Address(beneficiary, p, errors);
        }
    }

    /// <summary>An Indian address: two lines, city, state, country "India" and a six-digit postal code.</summary>
    private static void Address(JsonObject address, string path, ValidationErrors errors)
    {
        JsonRules.String(address, "address_line1", path, errors, required: true, minLength: 1, maxLength: MaxAddressLineLength);
        JsonRules.String(address, "address_line2", path, errors, required: false, minLength: 1, maxLength: MaxAddressLineLength);
        JsonRules.String(address, "city", path, errors, required: true, minLength: 1, maxLength: MaxFieldLength);
        JsonRules.String(address, "state", path, errors, required: true, minLength: 1, maxLength: MaxFieldLength);
        var country = JsonRules.String(address, "country", path, errors, required: true, minLength: 1);
        if (country is { Length: > 0 } and not "India")
            errors.Add(JsonPath.Member(path, "country"), "enum", "'country' must be \"India\".");
        var postal = JsonRules.String(address, "postal_code", path, errors, required: true, minLength: 1);
        if (postal is { Length: > 0 } && (postal.Length != PostalCodeLength || !postal.All(char.IsAsciiDigit)))
            errors.Add(JsonPath.Member(path, "postal_code"), "pattern", $"'postal_code' must be {PostalCodeLength} digits.");
    }
}
