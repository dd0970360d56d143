using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Messaging.Outbound;

namespace WhatsAppHub.Functions.Tests.Messaging.Outbound;

/// <summary>The copies of just-accepted rows a worker may start from: each handed out once, none kept for long, never more than the capacity.</summary>
public class AcceptedRowsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_copy_is_handed_out_once_with_the_etag_its_insert_returned()
    {
        var rows = new AcceptedRows(new ManualClock(Start));
        var message = NewMessage();

        rows.Remember(message, "W/\"etag-1\"");

        Assert.True(rows.TryTake(message.Id, out var copy));
        Assert.Same(message, copy.Message);
        Assert.Equal("W/\"etag-1\"", copy.ETag);
        Assert.False(rows.TryTake(message.Id, out _));
        Assert.False(rows.TryTake(NewMessage().Id, out _));
    }

    [Fact]
    public void A_copy_no_worker_took_is_dropped_once_it_is_older_than_the_limit()
    {
        var clock = new ManualClock(Start);
        var rows = new AcceptedRows(clock);
        var old = NewMessage();
        rows.Remember(old, "e1");

        clock.Now = Start + AcceptedRows.MaxAge + TimeSpan.FromSeconds(1);
        var fresh = NewMessage();
        rows.Remember(fresh, "e2");

        Assert.False(rows.TryTake(old.Id, out _));
        Assert.True(rows.TryTake(fresh.Id, out _));
    }

    [Fact]
    public void Beyond_its_capacity_it_keeps_no_more_copies_and_the_worker_reads_those_rows()
    {
        var rows = new AcceptedRows(new ManualClock(Start));
        var messages = Enumerable.Range(0, AcceptedRows.Capacity + 10).Select(_ => NewMessage()).ToList();

        foreach (var m in messages) rows.Remember(m, "e");

        var kept = messages.Count(m => rows.TryTake(m.Id, out _));
        Assert.InRange(kept, AcceptedRows.Capacity - 1, AcceptedRows.Capacity);
    }

    private static MessageRecord NewMessage() =>
        new(MessageRecord.NewId(), MessageDirection.Outbound, "phone-number-id-0123456789abcdef0123456789abcdef", "+15550060000", "text",
            MessageStatus.Queued, """{"messaging_product":"whatsapp","type":"text","text":{"body":"hi"}}""", Start, Start);

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
