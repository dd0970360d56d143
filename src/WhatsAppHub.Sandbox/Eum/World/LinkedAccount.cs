using System.Text.Json.Nodes;

namespace WhatsAppHub.Sandbox.Eum.World;

/// <summary>A WhatsApp Business Account linked to EUM (LinkedWhatsAppBusinessAccount in the model).</summary>
public sealed class LinkedAccount
{
    public required string Id { get; init; }                 // waba-<32 hex>
    public required string Arn { get; init; }
    public required string MetaWabaId { get; init; }
    public required string Name { get; init; }
    public string RegistrationStatus { get; set; } = "COMPLETE";
    public required DateTimeOffset LinkDate { get; init; }
    public List<EventDestination> EventDestinations { get; set; } = [];
    public string? MarketingMessagesOnboardingStatus { get; init; } = "ONBOARDED";
    public List<LinkedPhoneNumber> PhoneNumbers { get; } = [];

    public JsonObject ToSummaryJson()
    {
        var json = new JsonObject
        {
            ["arn"] = Arn,
            ["id"] = Id,
            ["wabaId"] = MetaWabaId,
            ["registrationStatus"] = RegistrationStatus,
            // The model's timestamps have no timestampFormat: restJson1 sends epoch seconds as a JSON
            // number. Milliseconds are kept as a fraction so clients must accept non-integers.
            ["linkDate"] = Math.Round(LinkDate.ToUnixTimeMilliseconds() / 1000m, 3),
            ["wabaName"] = Name,
            ["eventDestinations"] = new JsonArray(EventDestinations.Select(d => (JsonNode)d.ToJson()).ToArray()),
        };
        if (MarketingMessagesOnboardingStatus is not null)
        {
            json["marketingMessagesOnboardingStatus"] = MarketingMessagesOnboardingStatus;
        }
        return json;
    }

    public JsonObject ToJson()
    {
        var json = ToSummaryJson();
        json["phoneNumbers"] = new JsonArray(PhoneNumbers.Select(p => (JsonNode)p.ToJson()).ToArray());
        return json;
    }
}
