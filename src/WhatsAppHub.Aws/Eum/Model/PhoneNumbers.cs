namespace WhatsAppHub.Aws.Eum;

// Output shapes describing a phone number linked to a WABA. Use PhoneNumberId ("phone-number-id-...")
// as SendWhatsAppMessage's OriginationPhoneNumberId; MetaPhoneNumberId is Meta's own id.

public sealed class WhatsAppPhoneNumberDetail
{
    public string Arn { get; set; } = "";

    public string PhoneNumber { get; set; } = "";

    public string PhoneNumberId { get; set; } = "";

    public string MetaPhoneNumberId { get; set; } = "";

    public string DisplayPhoneNumberName { get; set; } = "";

    public string DisplayPhoneNumber { get; set; } = "";

    public string QualityRating { get; set; } = "";

    public string? DataLocalizationRegion { get; set; }
}

public sealed class WhatsAppPhoneNumberSummary
{
    public string Arn { get; set; } = "";

    public string PhoneNumber { get; set; } = "";

    public string PhoneNumberId { get; set; } = "";

    public string MetaPhoneNumberId { get; set; } = "";

    public string DisplayPhoneNumberName { get; set; } = "";

    public string DisplayPhoneNumber { get; set; } = "";

    public string QualityRating { get; set; } = "";

    public string? DataLocalizationRegion { get; set; }
}
