using System.Text.Json.Nodes;
using WhatsAppHub.Azure.Queues;

namespace WhatsAppHub.Functions.Storage;

/// <summary>
/// Where a queue message that cannot be handled is set aside for an operator: its text (up to 30,000 characters) and
/// the reason go to the poison queue, never expiring, and only then does it leave its own queue.
/// </summary>
public sealed class PoisonQueue(IWorkQueue poison, ILogger logger)
{
    public async Task MoveAsync(IWorkQueue queue, QueueMessage queued, string reason, CancellationToken cancellationToken)
    {
        await SetAsideAsync(queue, queued.Text, reason, cancellationToken);
        await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken);
        logger.LogError("Moved queue message {QueueMessageId} to {Poison}: {Reason}", queued.MessageId, poison.Name, reason);
    }

    /// <summary>Sets aside part of a queue message's work (<paramref name="text"/>) while the rest goes on.</summary>
    public Task SetAsideAsync(IWorkQueue queue, string text, string reason, CancellationToken cancellationToken)
    {
        var entry = new JsonObject { ["reason"] = reason, ["queue"] = queue.Name, ["text"] = text[..Math.Min(text.Length, 30_000)] };
        return poison.PutAsync(entry.ToJsonString(), timeToLive: Timeout.InfiniteTimeSpan, ct: cancellationToken);
    }
}
