namespace WhatsAppHub.Aws.Credentials;

/// <summary>
/// How the hub gets AWS credentials. Set <see cref="AccessKeyId"/> + <see cref="SecretAccessKey"/> (and
/// <see cref="SessionToken"/> for temporary keys) for static keys; or <see cref="RoleArn"/> to trade an Entra
/// token for role credentials (AssumeRoleWithWebIdentity); or nothing for the SDK's default chain.
/// </summary>
/// <param name="WebIdentityAudience">The Entra Application ID URI the token is requested for; default <c>api://AzureADTokenExchange</c>.</param>
/// <param name="StsServiceUrl">An STS endpoint override (tests, VPC endpoints); default the regional STS endpoint.</param>
/// <param name="RoleSessionName">The STS session name shown in CloudTrail; default <c>WhatsAppHub-{machine}</c>.</param>
public sealed record AwsCredentialSettings(
    string? AccessKeyId,
    string? SecretAccessKey,
    string? SessionToken,
    string? RoleArn,
    string? WebIdentityAudience,
    string? StsServiceUrl,
    string? RoleSessionName = null)
{
    /// <summary>Nothing configured: the SDK's default credential chain.</summary>
    public static AwsCredentialSettings DefaultChain { get; } = new(null, null, null, null, null, null);

    public const string DefaultWebIdentityAudience = "api://AzureADTokenExchange";
}
