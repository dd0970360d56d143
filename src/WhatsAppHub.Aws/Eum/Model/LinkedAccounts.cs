using System.Text.Json.Serialization;
using WhatsAppHub.Aws.Eum.Transform;

namespace WhatsAppHub.Aws.Eum;

// Output shapes describing a WABA linked to the AWS account. Members the model marks required default
// to empty rather than null; RegistrationStatus is "COMPLETE" or "INCOMPLETE".

public sealed class LinkedWhatsAppBusinessAccountSummary
{
    public string Arn { get; set; } = "";

    public string Id { get; set; } = "";

    public string WabaId { get; set; } = "";

    public string RegistrationStatus { get; set; } = "";

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? LinkDate { get; set; }

    public string WabaName { get; set; } = "";

    public List<WhatsAppBusinessAccountEventDestination> EventDestinations { get; set; } = [];

    public string? MarketingMessagesOnboardingStatus { get; set; }
}

public sealed class LinkedWhatsAppBusinessAccount
{
    public string Arn { get; set; } = "";

    public string Id { get; set; } = "";

    public string WabaId { get; set; } = "";

    public string RegistrationStatus { get; set; } = "";

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? LinkDate { get; set; }

    public string WabaName { get; set; } = "";

    public List<WhatsAppBusinessAccountEventDestination> EventDestinations { get; set; } = [];

    public string? MarketingMessagesOnboardingStatus { get; set; }

    public List<WhatsAppPhoneNumberSummary> PhoneNumbers { get; set; } = [];
}
