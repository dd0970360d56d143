using System.Text.RegularExpressions;

namespace WhatsAppHub.Aws.Sns;

/// <summary>
/// Which URLs in an SNS message the hub will fetch. SNS's own: https on <c>sns.&lt;region&gt;.amazonaws.com</c>
/// (or <c>.amazonaws.com.cn</c>), no user-info, no explicit port; a host merely under amazonaws.com could be anyone's
/// S3 bucket. A certificate URL must also end in <c>.pem</c>. The configured trusted test origin (the sandbox,
/// off unless set) is accepted over http or https.
/// </summary>
public sealed partial class SnsUrlRules(SnsTrustedTestOrigin? trustedTestOrigin)
{
    /// <summary>The SigningCertURL rule: null when allowed, else why not.</summary>
    public string? CheckCertificateUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return "SigningCertURL is not an absolute URL.";
        if (!uri.AbsolutePath.EndsWith(".pem", StringComparison.Ordinal)) return "SigningCertURL must end in .pem.";
        return CheckHost(uri, "SigningCertURL");
    }

    /// <summary>The SubscribeURL rule: null when allowed, else why not.</summary>
    public string? CheckSubscribeUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? CheckHost(uri, "SubscribeURL") : "SubscribeURL is not an absolute URL.";

    private string? CheckHost(Uri uri, string field)
    {
        if (uri.UserInfo.Length > 0) return $"{field} must not carry user information.";
        if (trustedTestOrigin is not null && trustedTestOrigin.Matches(uri)) return null;
        if (uri.Scheme != Uri.UriSchemeHttps) return $"{field} must be https.";
        if (!uri.IsDefaultPort) return $"{field} must not name a port.";
        if (!SnsHost().IsMatch(uri.Host)) return $"{field} must be on sns.<region>.amazonaws.com.";
        return null;
    }

    [GeneratedRegex(@"^sns\.[a-zA-Z0-9\-]{3,}\.amazonaws\.com(\.cn)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SnsHost();
}

/// <summary>
/// The one non-AWS origin whose certificates and subscribe URLs the hub accepts: the local sandbox. A host, optionally
/// with a port (<c>127.0.0.1</c> or <c>127.0.0.1:7072</c>); without a port any port of that host matches.
/// </summary>
public sealed record SnsTrustedTestOrigin(string Host, int? Port)
{
    public bool Matches(Uri uri) =>
        uri.Scheme is "http" or "https" &&
        string.Equals(uri.Host, Host, StringComparison.OrdinalIgnoreCase) &&
        (Port is null || uri.Port == Port);

    /// <summary>Null when the text is not a host or host:port.</summary>
    public static SnsTrustedTestOrigin? TryParse(string text)
    {
        if (!Uri.TryCreate("http://" + text.Trim(), UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.UserInfo.Length > 0)
            return null;
        var hasPort = text.Trim().AsSpan().LastIndexOf(':') > text.Trim().AsSpan().LastIndexOf(']');
        return new SnsTrustedTestOrigin(uri.Host, hasPort ? uri.Port : null);
    }
}
