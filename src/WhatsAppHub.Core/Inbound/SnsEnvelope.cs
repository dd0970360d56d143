namespace WhatsAppHub.Core.Inbound;

/// <summary>
/// One SNS HTTP(S) delivery as parsed from its JSON body (eum-events-sns-media.md §2.1): every value is the
/// JSON-decoded string. Fields a type does not carry are null.
/// </summary>
public sealed record SnsEnvelope(
    string Type,
    string MessageId,
    string TopicArn,
    string Message,
    string Timestamp,
    int SignatureVersion,
    string Signature,
    string SigningCertUrl)
{
    public const string Notification = "Notification";
    public const string SubscriptionConfirmation = "SubscriptionConfirmation";
    public const string UnsubscribeConfirmation = "UnsubscribeConfirmation";

    /// <summary>Only on a Notification, and only when the publisher set one; signed when the key is present.</summary>
    public string? Subject { get; init; }

    /// <summary>SubscriptionConfirmation and UnsubscribeConfirmation.</summary>
    public string? SubscribeUrl { get; init; }

    /// <summary>SubscriptionConfirmation and UnsubscribeConfirmation.</summary>
    public string? Token { get; init; }

    /// <summary>Notification only; not signed.</summary>
    public string? UnsubscribeUrl { get; init; }
}
