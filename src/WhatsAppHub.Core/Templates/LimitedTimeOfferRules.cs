using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Templates;

/// <summary>
/// The <c>LIMITED_TIME_OFFER</c> component (§3.8): an offer line of at most 16 characters and whether the offer
/// shows an expiry (the time itself is given at send as <c>expiration_time_ms</c>).
/// </summary>
public static class LimitedTimeOfferRules
{
    public const int MaxTextLength = 16;

    private static readonly HashSet<string> ComponentMembers = ["type", "limited_time_offer"];
    private static readonly HashSet<string> OfferMembers = ["text", "has_expiration"];

    public static void Validate(JsonObject component, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(component, path, errors, ComponentMembers);
        var offer = JsonRules.Object(component, "limited_time_offer", path, errors, required: true);
        if (offer is null) return;
        var offerPath = JsonPath.Member(path, "limited_time_offer");
        JsonRules.OnlyKnownMembers(offer, offerPath, errors, OfferMembers);
        JsonRules.String(offer, "text", offerPath, errors, required: true, minLength: 1, maxLength: MaxTextLength);
        JsonRules.Boolean(offer, "has_expiration", offerPath, errors);
    }
}
