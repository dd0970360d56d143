using System.Collections.Concurrent;
using WhatsAppHub.Core.Messaging;

namespace WhatsAppHub.Functions.Messaging.Outbound;

/// <summary>
/// Lets a <c>?wait=true</c> request hear at once when this instance's workers finish its message. A message finished by
/// another instance is noticed by polling its row, so waiting works however many instances share the queue.
/// </summary>
public sealed class SendCompletions(MessageStore store)
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<string, TaskCompletionSource<MessageRecord>> _waiting = new(StringComparer.Ordinal);

    public void Complete(MessageRecord message)
    {
        if (message.IsFinal && _waiting.TryRemove(message.Id, out var waiter)) waiter.TrySetResult(message);
    }

    /// <summary>The message once it is sent or failed, or its latest state when <paramref name="timeout"/> passes first.</summary>
    public async Task<MessageRecord?> WaitAsync(string messageId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiter = _waiting.GetOrAdd(messageId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            while (true)
            {
                var current = (await store.FindAsync(messageId, cancellationToken))?.Message;
                if (current is null || current.IsFinal) return current;
                try
                {
                    return await waiter.Task.WaitAsync(PollEvery, deadline.Token);
                }
                catch (TimeoutException)
                {
                    // poll the row: another instance may have finished it
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return (await store.FindAsync(messageId, cancellationToken))?.Message;
                }
            }
        }
        finally
        {
            _waiting.TryRemove(KeyValuePair.Create(messageId, waiter));
        }
    }
}
