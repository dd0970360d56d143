using System.Globalization;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging.Interactive;

namespace WhatsAppHub.Core.Payments;

/// <summary>
/// Builds the Cloud API messages of a payment (§8.6): the <c>order_details</c> card that asks for it and the
/// <c>order_status</c> updates of that card, from what the PAYMENT request said. Pure, so the workflow that sends them
/// decides the same message every time it repeats a step.
/// </summary>
public static class PaymentOrder
{
    /// <summary>The reference of attempt <paramref name="attempt"/>: the order's own first, then <c>-2</c>, <c>-3</c>, …</summary>
    public static string ReferenceFor(string referenceId, int attempt) =>
        attempt <= 1 ? referenceId : $"{referenceId}-{attempt.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The order_details message of one attempt, as sent through <c>POST /api/messages</c>.</summary>
    public static JsonObject OrderDetails(PaymentRequest request, string gateway, string referenceId, string body)
    {
        var parameters = new JsonObject
        {
            ["reference_id"] = referenceId,
            ["type"] = request.GoodsType,
        };
        if (request.Beneficiaries is { } beneficiaries) parameters["beneficiaries"] = beneficiaries.DeepClone();
        parameters["currency"] = "INR";
        parameters["total_amount"] = OrderAmountRules.Json(request.Total);
        parameters["payment_settings"] = new JsonArray(new JsonObject
        {
            ["type"] = "payment_gateway",
            ["payment_gateway"] = new JsonObject { ["type"] = gateway, ["configuration_name"] = request.ConfigurationName },
        });
        var order = new JsonObject
        {
            ["status"] = "pending",
            ["items"] = new JsonArray(request.Items.Select(i => (JsonNode)Item(i)).ToArray()),
            ["subtotal"] = OrderAmountRules.Json(request.Subtotal),
            ["tax"] = OrderAmountRules.Json(request.Tax),
        };
        if (request.Shipping is { } shipping) order["shipping"] = OrderAmountRules.Json(shipping);
        if (request.Discount is { } discount) order["discount"] = OrderAmountRules.Json(discount);
        parameters["order"] = order;

        var interactive = new JsonObject { ["type"] = "order_details", ["body"] = new JsonObject { ["text"] = body } };
        if (request.Footer is { } footer) interactive["footer"] = new JsonObject { ["text"] = footer };
        interactive["action"] = new JsonObject { ["name"] = "review_and_pay", ["parameters"] = parameters };
        return Message(request.To, interactive);
    }

    /// <summary>An order_status message: the card of <paramref name="referenceId"/> now shows <paramref name="status"/>.</summary>
    public static JsonObject OrderStatus(string to, string referenceId, string status, string body, string? description)
    {
        var order = new JsonObject { ["status"] = status };
        if (description is not null) order["description"] = Clip(description, OrderStatusRules.MaxDescriptionLength);
        return Message(to, new JsonObject
        {
            ["type"] = "order_status",
            ["body"] = new JsonObject { ["text"] = Clip(body, TextPartRules.MaxBodyLength) },
            ["action"] = new JsonObject
            {
                ["name"] = "review_order",
                ["parameters"] = new JsonObject { ["reference_id"] = referenceId, ["order"] = order },
            },
        });
    }

    /// <summary>A plain text message (the reminder).</summary>
    public static JsonObject Text(string to, string body) => new()
    {
        ["to"] = to,
        ["type"] = "text",
        ["text"] = new JsonObject { ["body"] = Clip(body, 4096) },
    };

    /// <summary>₹590.00 for 59000 paise, as the hub's own texts show amounts.</summary>
    public static string Rupees(long paise) =>
        "₹" + (paise / OrderAmountRules.Offset).ToString("N0", CultureInfo.InvariantCulture) + "." + (paise % OrderAmountRules.Offset).ToString("00", CultureInfo.InvariantCulture);

    private static JsonObject Item(PaymentItem item)
    {
        var json = new JsonObject();
        if (item.RetailerId is { } retailerId) json["retailer_id"] = retailerId;
        json["name"] = item.Name;
        json["amount"] = OrderAmountRules.Json(item.Amount);
        if (item.SaleAmount is { } sale) json["sale_amount"] = OrderAmountRules.Json(sale);
        json["quantity"] = item.Quantity;
        return json;
    }

    private static JsonObject Message(string to, JsonObject interactive) => new()
    {
        ["to"] = to,
        ["type"] = "interactive",
        ["interactive"] = interactive,
    };

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
