namespace WhatsAppHub.Functions.Suppressions;

/// <summary>
/// One suppression of a contact: who added it (<see cref="SuppressionSources"/>), for which number (null: every
/// number) and which template categories. A contact's own entry stays after a <c>resume</c> with
/// <see cref="Active"/> false: its <see cref="EventAt"/> is what lets a late, older <c>stop</c> be recognised as stale.
/// </summary>
/// <param name="Event">For a contact's entry: the last <c>stop</c> or <c>resume</c> applied.</param>
/// <param name="EventAt">For a contact's entry: when the contact said it (the webhook item's timestamp).</param>
public sealed record Suppression(
    string WaId,
    string? PhoneNumberId,
    string Source,
    IReadOnlyList<string> Categories,
    string? Reason,
    bool Active,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? Event = null,
    DateTimeOffset? EventAt = null)
{
    /// <summary>True when this entry stops a <paramref name="category"/> send from <paramref name="phoneNumberId"/>.</summary>
    public bool Blocks(string phoneNumberId, string category) =>
        Active && (PhoneNumberId is null || PhoneNumberId == phoneNumberId) && Categories.Contains(category);
}

/// <summary>Who added a suppression: the business through the API, or the contact through WhatsApp.</summary>
public static class SuppressionSources
{
    /// <summary>Added through <c>POST /api/suppressions</c>; only <c>DELETE</c> lifts it.</summary>
    public const string Business = "business";

    /// <summary>The contact's <c>stop</c> of marketing (a <c>user_preferences</c> webhook); only their <c>resume</c> lifts it.</summary>
    public const string User = "user";

    public static IReadOnlyList<string> All { get; } = [Business, User];
}
