namespace WhatsAppHub.Aws.Eum;

// AssociateWhatsAppBusinessAccount's two steps: first a WhatsAppSignupCallback (Meta's token from embedded
// sign-up) returns a WhatsAppSignupCallbackResult with an in-progress token; then a WhatsAppSetupFinalization
// links the WABA and its numbers. TwoFactorPin and AssociateInProgressToken are @sensitive.

public sealed class WhatsAppSignupCallback
{
    public required string AccessToken { get; set; }

    public string? CallbackUrl { get; set; }
}

public sealed class WhatsAppSetupFinalization
{
    public required string AssociateInProgressToken { get; set; }

    public required List<WabaPhoneNumberSetupFinalization> PhoneNumbers { get; set; }

    public string? PhoneNumberParent { get; set; }

    public WabaSetupFinalization? Waba { get; set; }
}

public sealed class WabaPhoneNumberSetupFinalization
{
    public required string Id { get; set; }

    public required string TwoFactorPin { get; set; }

    public string? DataLocalizationRegion { get; set; }

    public List<Tag>? Tags { get; set; }
}

public sealed class WabaSetupFinalization
{
    public string? Id { get; set; }

    public List<WhatsAppBusinessAccountEventDestination>? EventDestinations { get; set; }

    public List<Tag>? Tags { get; set; }
}

public sealed class WhatsAppSignupCallbackResult
{
    public string? AssociateInProgressToken { get; set; }

    /// <summary>Keyed by Meta's WABA id.</summary>
    public Dictionary<string, LinkedWhatsAppBusinessAccountIdMetaData>? LinkedAccountsWithIncompleteSetup { get; set; }
}

public sealed class LinkedWhatsAppBusinessAccountIdMetaData
{
    public string? AccountName { get; set; }

    public string? RegistrationStatus { get; set; }

    public List<WhatsAppPhoneNumberDetail>? UnregisteredWhatsAppPhoneNumbers { get; set; }

    public string? WabaId { get; set; }
}
