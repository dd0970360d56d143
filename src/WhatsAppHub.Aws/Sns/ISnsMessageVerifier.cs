using WhatsAppHub.Core.Inbound;

namespace WhatsAppHub.Aws.Sns;

/// <summary>Checks that a parsed SNS message really comes from SNS: certificate URL rules and the RSA signature.</summary>
public interface ISnsMessageVerifier
{
    Task<SnsVerification> VerifyAsync(SnsEnvelope envelope, CancellationToken cancellationToken);
}

public enum SnsVerificationOutcome
{
    /// <summary>The signature checks out with the certificate at an allowed SigningCertURL.</summary>
    Genuine,

    /// <summary>Forged, tampered, or not provably from SNS: refuse (403), store nothing.</summary>
    Refused,

    /// <summary>The certificate could not be fetched for a transient reason (time-out, 5xx, network): SNS should retry (503).</summary>
    CertificateUnavailable,
}

public sealed record SnsVerification(SnsVerificationOutcome Outcome, string? Reason)
{
    public static SnsVerification Genuine { get; } = new(SnsVerificationOutcome.Genuine, null);

    public static SnsVerification Refused(string reason) => new(SnsVerificationOutcome.Refused, reason);
}
