using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using WhatsAppHub.Core.Inbound;

namespace WhatsAppHub.Aws.Sns;

/// <summary>
/// Verifies SNS messages as AWS's validators do: the SigningCertURL rules, then the Base64 signature, RSA PKCS#1 v1.5
/// over the UTF-8 string to sign, SHA1 for SignatureVersion 1 and SHA256 for 2. The public RSA check is itself the
/// comparison (no secret is compared here, so there is nothing to time).
/// </summary>
public sealed class SnsMessageVerifier(SnsUrlRules rules, SnsCertificateCache certificates) : ISnsMessageVerifier
{
    public async Task<SnsVerification> VerifyAsync(SnsEnvelope envelope, CancellationToken cancellationToken)
    {
        if (rules.CheckCertificateUrl(envelope.SigningCertUrl) is { } urlProblem) return SnsVerification.Refused(urlProblem);
        var hash = envelope.SignatureVersion switch
        {
            1 => HashAlgorithmName.SHA1,
            2 => HashAlgorithmName.SHA256,
            _ => default,
        };
        if (hash == default) return SnsVerification.Refused("SignatureVersion must be 1 or 2.");

        var signature = new byte[(envelope.Signature.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(envelope.Signature, signature, out var signatureLength))
            return SnsVerification.Refused("Signature is not Base64.");

        X509Certificate2 certificate;
        try
        {
            certificate = await certificates.GetAsync(envelope.SigningCertUrl, cancellationToken);
        }
        catch (SnsCertificateException e)
        {
            return e.Transient
                ? new SnsVerification(SnsVerificationOutcome.CertificateUnavailable, e.Message)
                : SnsVerification.Refused(e.Message);
        }

        using var key = certificate.GetRSAPublicKey();
        if (key is null) return SnsVerification.Refused("The signing certificate has no RSA key.");
        var valid = key.VerifyData(SnsStringToSign.BuildUtf8(envelope), signature.AsSpan(0, signatureLength), hash, RSASignaturePadding.Pkcs1);
        return valid ? SnsVerification.Genuine : SnsVerification.Refused("The signature does not match the message.");
    }
}
