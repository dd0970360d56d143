using Microsoft.OpenApi;
using WhatsAppHub.Core.Messaging.Interactive;

namespace WhatsAppHub.Functions.OpenApi;

/// <summary>The <c>action</c> objects of the Payments India messages, order_details and order_status (§8.6).</summary>
internal static class OrderSchemas
{
    public static OpenApiSchema Amount(string? description = null) => Schema.Object(description ?? "Whole paise: ₹12.34 is { value: 1234, offset: 100 }.")
        .Required("value", Schema.Integer(0, OrderAmountRules.MaxValue))
        .Required("offset", Schema.Integer(OrderAmountRules.Offset, OrderAmountRules.Offset));

    public static OpenApiSchema ReferenceId() =>
        Schema.String(OrderDetailsRules.MaxReferenceIdLength, description: "Letters, digits, '_', '.' and '-'; unique per order_details message.");

    public static OpenApiSchema OrderDetails() => Schema.Object()
        .Required("name", Schema.Enum("review_and_pay"))
        .Required("parameters", Schema.Object()
            .Required("reference_id", ReferenceId())
            .Required("type", Schema.Enum("digital-goods", "physical-goods"))
            .Optional("beneficiaries", Schema.Array(Schema.Object()
                    .Required("name", Schema.String(OrderDetailsRules.MaxBeneficiaryNameLength))
                    .Required("address_line1", Schema.String(OrderDetailsRules.MaxAddressLineLength))
                    .Optional("address_line2", Schema.String(OrderDetailsRules.MaxAddressLineLength))
                    .Required("city", Schema.String(OrderDetailsRules.MaxFieldLength))
                    .Required("state", Schema.String(OrderDetailsRules.MaxFieldLength))
                    .Required("country", Schema.Enum("India"))
                    .Required("postal_code", Schema.String(OrderDetailsRules.PostalCodeLength, OrderDetailsRules.PostalCodeLength)),
                description: "Required for physical-goods."))
            .Required("currency", Schema.Enum("INR"))
            .Required("total_amount", Amount("Must equal subtotal + tax + shipping - discount."))
            .Required("payment_settings", Schema.Array(Schema.Object()
                .Required("type", Schema.Enum("payment_gateway"))
                .Required("payment_gateway", Schema.Object()
                    .Required("type", Schema.Enum([.. PaymentSettingsRules.Gateways]))
                    .Required("configuration_name", Schema.String(PaymentSettingsRules.MaxConfigurationNameLength))
                    .Optional("razorpay", Schema.OpenObject($"notes (≤ {PaymentSettingsRules.MaxRazorpayNotes} keys, values ≤ {PaymentSettingsRules.MaxRazorpayNoteLength}), receipt (≤ {PaymentSettingsRules.MaxRazorpayReceiptLength})."))
                    .Optional("payu", Schema.OpenObject($"udf1-udf4 (≤ {PaymentSettingsRules.MaxPayUFieldLength})."))
                    .Optional("zaakpay", Schema.OpenObject($"extra1-extra2 (≤ {PaymentSettingsRules.MaxZaakpayFieldLength})."))
                    .Optional("billdesk", Schema.OpenObject($"additional_info1-additional_info7 (≤ {PaymentSettingsRules.MaxBillDeskFieldLength})."))),
                maxItems: PaymentSettingsRules.MaxSettings))
            .Required("order", Schema.Object()
                .Required("status", Schema.Enum("pending"))
                .Optional("type", Schema.Enum("quick_pay"))
                .Optional("catalog_id", Schema.String())
                .Optional("expiration", Schema.Object().Required("timestamp", Schema.String(description: "Unix seconds.")).Optional("description", Schema.String()))
                .Required("items", Schema.Array(Schema.Object()
                        .Optional("retailer_id", Schema.String(OrderDetailsRules.MaxFieldLength))
                        .Required("name", Schema.String(OrderDetailsRules.MaxItemNameLength))
                        .Optional("image", Schema.Object().Required("link", Schema.String()))
                        .Required("amount", Amount())
                        .Optional("sale_amount", Amount("Replaces amount in the subtotal; not above amount."))
                        .Required("quantity", Schema.Integer(1, OrderDetailsRules.MaxQuantity))
                        .Optional("country_of_origin", Schema.String())
                        .Optional("importer_name", Schema.String())
                        .Optional("importer_address", Schema.OpenObject("The importer's address.")),
                    maxItems: OrderDetailsRules.MaxItems, description: $"At most {OrderDetailsRules.MaxItemsWithImages} items when any has a custom image."))
                .Required("subtotal", Amount("Must equal the sum of each item's amount (or sale_amount) times its quantity."))
                .Required("tax", Amount())
                .Optional("shipping", Amount())
                .Optional("discount", Amount())));

    public static OpenApiSchema OrderStatus() => Schema.Object()
        .Required("name", Schema.Enum("review_order"))
        .Required("parameters", Schema.Object()
            .Required("reference_id", ReferenceId())
            .Required("order", Schema.Object()
                .Required("status", Schema.Enum([.. OrderStatusRules.Statuses]))
                .Optional("description", Schema.String(OrderStatusRules.MaxDescriptionLength))));
}
