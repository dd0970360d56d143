using System.Text.Json;

namespace WhatsAppHub.Functions.Subscriptions;

/// <summary>The text of a <c>deliveries</c> queue message: <c>{"subscriptionId": …, "deliveryId": …}</c>; the row holds the rest.</summary>
public static class DeliveryWork
{
    public static string ToText(string subscriptionId, string deliveryId) =>
        JsonSerializer.Serialize(new { subscriptionId, deliveryId });

    public static (string SubscriptionId, string DeliveryId)? TryParse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("subscriptionId", out var s) && s.ValueKind == JsonValueKind.String && s.GetString() is { } subscriptionId
                && root.TryGetProperty("deliveryId", out var d) && d.ValueKind == JsonValueKind.String && d.GetString() is { } deliveryId
                && SubscriptionIds.IsValid(subscriptionId) && DeliveryKeys.IsDeliveryId(deliveryId)
                ? (subscriptionId, deliveryId)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
