using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Azure.Core;

namespace WhatsAppHub.Aws.Credentials;

/// <summary>
/// AWS role credentials for a hub running on Azure: get an Entra access token (managed identity or any
/// <see cref="TokenCredential"/>) and trade it at STS AssumeRoleWithWebIdentity; refreshed before they expire.
/// The SDK's own web-identity credentials read the token from a file, which Azure does not keep for us.
/// </summary>
public sealed class EntraWebIdentityCredentials : RefreshingAWSCredentials
{
    private readonly TokenCredential _azureCredential;
    private readonly string _scope;
    private readonly IAmazonSecurityTokenService _sts;
    private readonly TimeSpan? _sessionDuration;

    public EntraWebIdentityCredentials(
        TokenCredential azureCredential,
        string scope,
        string roleArn,
        string roleSessionName,
        IAmazonSecurityTokenService sts,
        TimeSpan? sessionDuration = null)
    {
        _azureCredential = azureCredential ?? throw new ArgumentNullException(nameof(azureCredential));
        _scope = scope;
        RoleArn = roleArn;
        RoleSessionName = roleSessionName;
        _sts = sts ?? throw new ArgumentNullException(nameof(sts));
        _sessionDuration = sessionDuration;
        // Renew well before expiry so a request never signs with keys that lapse in flight.
        PreemptExpiryTime = TimeSpan.FromMinutes(5);
    }

    public string RoleArn { get; }

    public string RoleSessionName { get; }

    public string Scope => _scope;

    protected override CredentialsRefreshState GenerateNewCredentials() =>
        GenerateNewCredentialsAsync().GetAwaiter().GetResult();

    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        var token = await _azureCredential
            .GetTokenAsync(new TokenRequestContext([_scope]), CancellationToken.None)
            .ConfigureAwait(false);

        var answer = await _sts.AssumeRoleWithWebIdentityAsync(new AssumeRoleWithWebIdentityRequest
        {
            RoleArn = RoleArn,
            RoleSessionName = RoleSessionName,
            WebIdentityToken = token.Token,
            DurationSeconds = _sessionDuration is { } d ? (int)d.TotalSeconds : null,
        }).ConfigureAwait(false);

        var keys = answer.Credentials
            ?? throw new AmazonClientException("STS AssumeRoleWithWebIdentity answered without credentials.");
        var expiration = keys.Expiration ?? DateTime.UtcNow.AddHours(1);
        return new CredentialsRefreshState(
            new ImmutableCredentials(keys.AccessKeyId, keys.SecretAccessKey, keys.SessionToken),
            expiration.ToUniversalTime());
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _sts.Dispose();
        base.Dispose(disposing);
    }
}
