using Amazon.Runtime.Internal;

namespace WhatsAppHub.Aws.Eum.Pipeline;

/// <summary>The SDK's invoke options plus whether this client may resend the operation on its own.</summary>
internal sealed class EumInvokeOptions : InvokeOptions
{
    public bool ClientMayRetry { get; init; } = true;
}
