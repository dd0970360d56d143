using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Messaging;

namespace WhatsAppHub.Functions.Analytics;

/// <summary>
/// Counts a contact's reply to a message the hub sent: a received message whose context (<c>context.id</c>, also set on
/// a template's quick-reply button reply) names it. It counts on the scopes of the original message (its template,
/// campaign and account), once per original message however many replies or webhook repeats come: a reply marker row
/// is inserted if absent, and only the insert that made it counts.
/// </summary>
public sealed class ReplyCounter(MessageStore messages, OutcomeStore store, OutcomeCounter counter)
{
    /// <summary>True when this reply was counted (the first reply to a message of the hub).</summary>
    public async Task<bool> CountAsync(MessageRecord received, CancellationToken cancellationToken)
    {
        if (received.Inbound?.ReplyTo is not { } wamid || !wamid.StartsWith("wamid.", StringComparison.Ordinal)) return false;
        if (await messages.FindAsync(wamid, cancellationToken) is not { Message: { Direction: MessageDirection.Outbound } original }) return false;
        if (!await store.MarkRepliedAsync(original.Id, received.Id, received.CreatedAt, cancellationToken)) return false;
        counter.CountReply(original);
        return true;
    }
}
