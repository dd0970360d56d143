using System.Text.Json.Nodes;

namespace WhatsAppHub.Sandbox.Eum.World;

/// <summary>A phone number linked to EUM (WhatsAppPhoneNumberSummary / WhatsAppPhoneNumberDetail in the model).</summary>
public sealed class LinkedPhoneNumber
{
    public required string Id { get; init; }                 // phone-number-id-<32 hex>
    public required string Arn { get; init; }
    public required string PhoneNumber { get; init; }        // E.164, e.g. +15550100123
    public required string DisplayPhoneNumber { get; init; }
    public required string DisplayPhoneNumberName { get; init; }
    public required string MetaPhoneNumberId { get; init; }
    public string QualityRating { get; init; } = "GREEN";
    public string? DataLocalizationRegion { get; init; }

    /// <summary>Digits only, as Meta writes it in webhook metadata (display_phone_number).</summary>
    public string Digits => new(PhoneNumber.Where(char.IsAsciiDigit).ToArray());

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["arn"] = Arn,
            ["phoneNumber"] = PhoneNumber,
            ["phoneNumberId"] = Id,
            ["metaPhoneNumberId"] = MetaPhoneNumberId,
            ["displayPhoneNumberName"] = DisplayPhoneNumberName,
            ["displayPhoneNumber"] = DisplayPhoneNumber,
            ["qualityRating"] = QualityRating,
        };
        if (DataLocalizationRegion is not null)
        {
            json["dataLocalizationRegion"] = DataLocalizationRegion;
        }
        return json;
    }
}
