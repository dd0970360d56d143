using Amazon.Runtime;

namespace WhatsAppHub.Aws.Eum;

/// <summary>Embedded sign-up: send either <see cref="SignupCallback"/> (step 1) or <see cref="SetupFinalization"/> (step 2).</summary>
public sealed class AssociateWhatsAppBusinessAccountRequest : AmazonWebServiceRequest
{
    public WhatsAppSignupCallback? SignupCallback { get; set; }

    public WhatsAppSetupFinalization? SetupFinalization { get; set; }
}

public sealed class AssociateWhatsAppBusinessAccountResponse : AmazonWebServiceResponse
{
    public WhatsAppSignupCallbackResult? SignupCallbackResult { get; set; }

    /// <summary>A body field, not the HTTP status.</summary>
    public int? StatusCode { get; set; }

    public string? LinkedWhatsAppBusinessAccountId { get; set; }
}
