using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Functions.Inbound;

namespace WhatsAppHub.Functions.Tests.Support;

/// <summary>Reading back the hub's stored SNS events (table <c>InboundEvents</c>).</summary>
public static class StoredEvents
{
    /// <summary>Polls the stored event of an SNS message until the hub has processed it (<c>processedAt</c>); its row, or a failed test.</summary>
    public static async Task<TableRow> WaitProcessedAsync(this ITableStore inboundEvents, string snsMessageId, TimeSpan within)
    {
        for (var deadline = DateTime.UtcNow + within; DateTime.UtcNow < deadline; await Task.Delay(50))
        {
            if (await inboundEvents.GetAsync(InboundEventStore.PartitionKey(snsMessageId), InboundEventStore.RowKey(snsMessageId)) is { } row
                && row.GetDateTimeOffset("processedAt") is not null)
                return row;
        }
        throw new Xunit.Sdk.XunitException($"The hub never processed SNS message {snsMessageId} within {within.TotalSeconds:F0} s.");
    }
}
