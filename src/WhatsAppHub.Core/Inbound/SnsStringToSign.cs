using System.Text;

namespace WhatsAppHub.Core.Inbound;

/// <summary>
/// The exact text SNS signs (eum-events-sns-media.md §2.3): "name\nvalue\n" for each signed field in byte order of
/// the names. Notification: Message, MessageId, Subject (only when the body has the key), Timestamp, TopicArn, Type.
/// SubscriptionConfirmation / UnsubscribeConfirmation: Message, MessageId, SubscribeURL, Timestamp, Token, TopicArn, Type.
/// </summary>
public static class SnsStringToSign
{
    public static string Build(SnsEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var text = new StringBuilder(envelope.Message.Length + 512);
        Add(text, "Message", envelope.Message);
        Add(text, "MessageId", envelope.MessageId);
        if (envelope.Type == SnsEnvelope.Notification)
        {
            if (envelope.Subject is not null) Add(text, "Subject", envelope.Subject);
            Add(text, "Timestamp", envelope.Timestamp);
        }
        else
        {
            Add(text, "SubscribeURL", envelope.SubscribeUrl ?? string.Empty);
            Add(text, "Timestamp", envelope.Timestamp);
            Add(text, "Token", envelope.Token ?? string.Empty);
        }
        Add(text, "TopicArn", envelope.TopicArn);
        Add(text, "Type", envelope.Type);
        return text.ToString();
    }

    public static byte[] BuildUtf8(SnsEnvelope envelope) => Encoding.UTF8.GetBytes(Build(envelope));

    private static void Add(StringBuilder text, string name, string value) => text.Append(name).Append('\n').Append(value).Append('\n');
}
