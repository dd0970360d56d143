using Azure.Core;

namespace WhatsAppHub.Azure.Storage;

/// <summary>
/// Classifies nothing as retriable. Health pings use it so an unreachable service answers "down"
/// at once instead of after the retry policy's back-off.
/// </summary>
internal sealed class SingleAttemptClassifier : ResponseClassifier
{
    public static readonly SingleAttemptClassifier Instance = new();

    public override bool IsRetriableResponse(HttpMessage message) => false;

    public override bool IsRetriableException(Exception exception) => false;

    public override bool IsRetriable(HttpMessage message, Exception exception) => false;
}
