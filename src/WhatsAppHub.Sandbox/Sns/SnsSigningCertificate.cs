using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace WhatsAppHub.Sandbox.Sns;

/// <summary>
/// The sandbox's own SNS signing identity: an RSA-2048 key and a self-signed certificate made at
/// start-up (never stored), served as PEM so a hub configured to trust the sandbox can verify
/// notifications exactly as it verifies SNS's.
/// </summary>
public sealed class SnsSigningCertificate : IDisposable
{
    private readonly RSA _key;

    public SnsSigningCertificate(TimeProvider time)
    {
        _key = RSA.Create(2048);
        var request = new CertificateRequest("CN=sns.sandbox.whatsapphub.local, O=WhatsAppHub Sandbox (not AWS)", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var now = time.GetUtcNow();
        Certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        Pem = Certificate.ExportCertificatePem();
    }

    public X509Certificate2 Certificate { get; }
    public string Pem { get; }
    public RSA PrivateKey => _key;

    public void Dispose()
    {
        Certificate.Dispose();
        _key.Dispose();
    }
}
