namespace WhatsAppHub.Sandbox.Eum;

/// <summary>The service identity from the model (eum-api.md §1): what SigV4 scopes must name.</summary>
public static class EumServiceIdentity
{
    /// <summary>aws.auth#sigv4 name: with a hyphen, unlike the model's namespace "socialmessaging".</summary>
    public const string SigningName = "social-messaging";
}
