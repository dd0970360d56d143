namespace WhatsAppHub.Functions.Payments;

/// <summary>A payment configuration as the routes show it.</summary>
public sealed record PaymentConfigView(string ConfigurationName, string Gateway, string? Description, string WabaId, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static PaymentConfigView From(StoredPaymentConfig stored) => new(stored.Config.Name, stored.Config.Gateway, stored.Config.Description,
        stored.WabaId, stored.CreatedAt, stored.UpdatedAt);
}

public sealed record PaymentConfigListView(IReadOnlyList<PaymentConfigView> Items);
