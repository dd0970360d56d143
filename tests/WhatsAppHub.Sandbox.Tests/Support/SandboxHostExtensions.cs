using WhatsAppHub.Testing;

namespace WhatsAppHub.Sandbox.Tests.Support;

public static class SandboxHostExtensions
{
    /// <summary>A hand-signing EUM client for the sandbox, with the sandbox's key pair unless told otherwise.</summary>
    public static SignedEumClient Eum(this SandboxHost sandbox, string? secret = null, string? accessKeyId = null,
        string region = "us-east-1", string service = "social-messaging") =>
        new(sandbox.Http, accessKeyId ?? SandboxHost.AccessKeyId, secret ?? SandboxHost.SecretAccessKey, region, service);
}
