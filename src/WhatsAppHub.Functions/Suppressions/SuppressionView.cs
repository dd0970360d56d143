namespace WhatsAppHub.Functions.Suppressions;

/// <summary>A suppression as the API shows it; <c>phoneNumberId</c> is absent when it applies to every number.</summary>
public sealed record SuppressionView(
    string WaId,
    string? PhoneNumberId,
    bool AllNumbers,
    string Source,
    IReadOnlyList<string> Categories,
    string? Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? Event,
    DateTimeOffset? EventAt)
{
    public static SuppressionView From(Suppression s) =>
        new(s.WaId, s.PhoneNumberId, s.PhoneNumberId is null, s.Source, s.Categories, s.Reason, s.CreatedAt, s.UpdatedAt, s.Event, s.EventAt);
}

/// <summary>The answer of <c>GET /api/suppressions</c>.</summary>
public sealed record SuppressionListView(IReadOnlyList<SuppressionView> Items, string? Continuation);

/// <summary>The answer of <c>GET /api/suppressions/{waId}</c>: the contact's active entries.</summary>
public sealed record ContactSuppressionsView(string WaId, IReadOnlyList<SuppressionView> Items);

/// <summary>The answer of <c>POST /api/suppressions/bulk</c>.</summary>
public sealed record BulkSuppressionView(int Created, int Updated);
