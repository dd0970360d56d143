using Amazon.Runtime;

namespace WhatsAppHub.Aws.Eum;

public sealed class GetLinkedWhatsAppBusinessAccountPhoneNumberRequest : AmazonWebServiceRequest
{
    /// <summary><c>phone-number-id-…</c> or the phone number's ARN.</summary>
    public required string Id { get; set; }
}

public sealed class GetLinkedWhatsAppBusinessAccountPhoneNumberResponse : AmazonWebServiceResponse
{
    public WhatsAppPhoneNumberDetail? PhoneNumber { get; set; }

    public string? LinkedWhatsAppBusinessAccountId { get; set; }
}
