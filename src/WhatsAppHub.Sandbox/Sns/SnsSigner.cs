using System.Security.Cryptography;
using System.Text;

namespace WhatsAppHub.Sandbox.Sns;

/// <summary>
/// Signs SNS messages as SNS does: RSA PKCS#1 v1.5 over the UTF-8 "name\nvalue\n" string of the
/// signed fields in byte order of their names; SHA1 for SignatureVersion 1, SHA256 for 2.
/// </summary>
public sealed class SnsSigner(RSA privateKey)
{
    public static string StringToSign(SnsMessage message)
    {
        var sb = new StringBuilder();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                sb.Append(name).Append('\n').Append(value).Append('\n');
            }
        }

        Add("Message", message.Message);
        Add("MessageId", message.MessageId);
        if (message.Type == "Notification")
        {
            Add("Subject", message.Subject);      // only when the message has a Subject
        }
        else
        {
            Add("SubscribeURL", message.SubscribeUrl ?? "");
        }
        Add("Timestamp", message.Timestamp);
        if (message.Type != "Notification")
        {
            Add("Token", message.Token ?? "");
        }
        Add("TopicArn", message.TopicArn);
        Add("Type", message.Type);
        return sb.ToString();
    }

    public static HashAlgorithmName HashFor(int signatureVersion) => signatureVersion switch
    {
        1 => HashAlgorithmName.SHA1,
        2 => HashAlgorithmName.SHA256,
        _ => throw new ArgumentOutOfRangeException(nameof(signatureVersion), signatureVersion, "SNS SignatureVersion is 1 or 2."),
    };

    public string Sign(SnsMessage message, int signatureVersion) =>
        Convert.ToBase64String(privateKey.SignData(Encoding.UTF8.GetBytes(StringToSign(message)), HashFor(signatureVersion), RSASignaturePadding.Pkcs1));
}
