namespace WhatsAppHub.Sandbox.Eum.Auth;

/// <summary>Outcome of a SigV4 check; on failure it carries the AWS error type and message to answer with.</summary>
public sealed record SigV4Result(bool IsValid, string? AccessKeyId, string? ErrorType, string? Message, string? CanonicalRequest = null)
{
    public static SigV4Result Valid(string accessKeyId, string canonicalRequest) => new(true, accessKeyId, null, null, canonicalRequest);

    public static SigV4Result Refused(string errorType, string message, string? accessKeyId = null, string? canonicalRequest = null) =>
        new(false, accessKeyId, errorType, message, canonicalRequest);
}
