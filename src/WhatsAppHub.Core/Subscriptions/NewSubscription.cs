namespace WhatsAppHub.Core.Subscriptions;

/// <summary>A validated <c>POST /api/subscriptions</c> body.</summary>
/// <param name="Secret">Keys the HMAC of every delivery; stored, never returned or logged.</param>
public sealed record NewSubscription(Uri Endpoint, IReadOnlyList<string> Events, string Secret, string? Description);
