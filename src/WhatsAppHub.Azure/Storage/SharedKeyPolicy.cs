using Azure.Core;
using Azure.Core.Pipeline;

namespace WhatsAppHub.Azure.Storage;

/// <summary>
/// Signs each attempt with <c>Authorization: SharedKey {account}:{signature}</c>. Placed per retry and
/// after <see cref="StorageHeadersPolicy"/>, so the signature covers the final headers and date.
/// </summary>
internal sealed class SharedKeyPolicy : HttpPipelineSynchronousPolicy
{
    private readonly StorageAccountKey _key;
    private readonly Func<Request, string, string> _stringToSign;

    public SharedKeyPolicy(StorageAccountKey key, Func<Request, string, string> stringToSign)
    {
        _key = key;
        _stringToSign = stringToSign;
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        string stringToSign = _stringToSign(message.Request, _key.AccountName);
        message.Request.Headers.SetValue("Authorization", $"SharedKey {_key.AccountName}:{_key.Sign(stringToSign)}");
    }
}
