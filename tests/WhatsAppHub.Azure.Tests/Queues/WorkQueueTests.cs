using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Azure.Tests.Queues;

[Collection(AzuriteCollection.Name)]
public class WorkQueueTests(AzuriteProcess azurite)
{
    private static readonly TimeSpan Hidden = TimeSpan.FromSeconds(30);

    private async Task<IWorkQueue> NewQueueAsync(string hint)
    {
        var queue = new QueueService(StorageConnection.Parse(azurite.ConnectionString)).GetQueue(TestNames.Queue(hint));
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    [Fact]
    public async Task Creating_a_queue_twice_succeeds()
    {
        var queue = new QueueService(StorageConnection.Parse(azurite.ConnectionString)).GetQueue(TestNames.Queue("twice"));
        await queue.CreateIfNotExistsAsync();
        await queue.CreateIfNotExistsAsync();
        Assert.Equal(0, await queue.GetApproximateLengthAsync());
    }

    [Fact]
    public async Task Put_get_delete()
    {
        var queue = await NewQueueAsync("basic");
        QueueReceipt put = await queue.PutAsync("{\"instanceId\":\"w1\",\"step\":2}");
        Assert.False(string.IsNullOrEmpty(put.MessageId));
        Assert.False(string.IsNullOrEmpty(put.PopReceipt));
        Assert.NotNull(put.InsertedOn);
        Assert.True(put.ExpiresOn > put.InsertedOn);

        var message = Assert.Single(await queue.GetAsync(32, Hidden));
        Assert.Equal(put.MessageId, message.MessageId);
        Assert.Equal("{\"instanceId\":\"w1\",\"step\":2}", message.Text);
        Assert.Equal(1, message.DequeueCount);
        Assert.True(message.NextVisibleOn > DateTimeOffset.UtcNow.AddSeconds(20));

        // Hidden now: a second consumer sees nothing.
        Assert.Empty(await queue.GetAsync(32, Hidden));

        Assert.True(await queue.DeleteAsync(message.MessageId, message.PopReceipt));
        Assert.False(await queue.DeleteAsync(message.MessageId, message.PopReceipt));
        Assert.Equal(0, await queue.GetApproximateLengthAsync());
    }

    [Fact]
    public async Task Base64_text_round_trips_unicode_and_xml_characters()
    {
        var queue = await NewQueueAsync("unicode");
        string text = "ünïcödé ✓ 😀 中文 <tag attr=\"&amp;\"> ' \r\n\t \0 end";
        await queue.PutAsync(text);
        Assert.Equal(text, Assert.Single(await queue.PeekAsync(1)).Text);
        Assert.Equal(text, Assert.Single(await queue.GetAsync(1, Hidden)).Text);
    }

    [Fact]
    public async Task Messages_over_64_KiB_encoded_are_refused_before_sending()
    {
        var queue = await NewQueueAsync("large");
        int fits = QueueMessageText.MaxEncodedLength / 4 * 3; // largest raw size whose base64 is exactly 64 KiB
        await queue.PutAsync(new string('a', fits));
        var exception = await Assert.ThrowsAsync<ArgumentException>(() => queue.PutAsync(new string('a', fits + 1)));
        Assert.Contains("65536", exception.Message);
        Assert.Equal(1, await queue.GetApproximateLengthAsync());
        Assert.Equal(fits, Assert.Single(await queue.GetAsync(1, Hidden)).Text.Length);
    }

    [Fact]
    public async Task A_visibility_delay_hides_the_message_until_it_passes()
    {
        var queue = await NewQueueAsync("delay");
        QueueReceipt put = await queue.PutAsync("later", visibilityDelay: TimeSpan.FromSeconds(1));
        Assert.True(put.NextVisibleOn > put.InsertedOn);
        Assert.Empty(await queue.GetAsync(1, Hidden));
        Assert.Empty(await queue.PeekAsync(1));
        Assert.Equal(1, await queue.GetApproximateLengthAsync());

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal("later", Assert.Single(await queue.GetAsync(1, Hidden)).Text);
    }

    [Fact]
    public async Task Time_to_live_expires_messages_and_infinite_never_does()
    {
        var queue = await NewQueueAsync("ttl");
        QueueReceipt shortLived = await queue.PutAsync("short", timeToLive: TimeSpan.FromSeconds(1));
        QueueReceipt forever = await queue.PutAsync("forever", timeToLive: Timeout.InfiniteTimeSpan);
        Assert.True(shortLived.ExpiresOn <= shortLived.InsertedOn!.Value.AddSeconds(2));
        Assert.True(forever.ExpiresOn > DateTimeOffset.UtcNow.AddYears(100));

        await Task.Delay(TimeSpan.FromSeconds(2));
        var message = Assert.Single(await queue.GetAsync(32, Hidden));
        Assert.Equal("forever", message.Text);
    }

    [Fact]
    public async Task Bad_timings_are_refused_before_sending()
    {
        var queue = await NewQueueAsync("timing");
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.PutAsync("x", visibilityDelay: TimeSpan.FromDays(8)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.PutAsync("x", visibilityDelay: TimeSpan.FromSeconds(10), timeToLive: TimeSpan.FromSeconds(5)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.PutAsync("x", timeToLive: TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.GetAsync(0, Hidden));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.GetAsync(33, Hidden));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.PeekAsync(33));
    }

    [Fact]
    public async Task Update_visibility_returns_a_new_receipt_and_the_old_one_stops_working()
    {
        var queue = await NewQueueAsync("update");
        await queue.PutAsync("work");
        var message = Assert.Single(await queue.GetAsync(1, Hidden));

        QueueReceipt renewed = await queue.UpdateVisibilityAsync(message.MessageId, message.PopReceipt, TimeSpan.FromSeconds(60));
        Assert.Equal(message.MessageId, renewed.MessageId);
        Assert.NotEqual(message.PopReceipt, renewed.PopReceipt);
        Assert.True(renewed.NextVisibleOn > DateTimeOffset.UtcNow.AddSeconds(45));

        Assert.False(await queue.DeleteAsync(message.MessageId, message.PopReceipt));
        var stale = await Assert.ThrowsAsync<StorageRequestException>(() =>
            queue.UpdateVisibilityAsync(message.MessageId, message.PopReceipt, TimeSpan.FromSeconds(1)));
        Assert.True(stale.Status is 400 or 404);

        // Make it visible now with new text: the next consumer gets the new text.
        QueueReceipt released = await queue.UpdateVisibilityAsync(message.MessageId, renewed.PopReceipt, TimeSpan.Zero, "work, attempt 2 ✓");
        var again = Assert.Single(await queue.GetAsync(1, Hidden));
        Assert.Equal("work, attempt 2 ✓", again.Text);
        Assert.Equal(2, again.DequeueCount);
        Assert.False(await queue.DeleteAsync(again.MessageId, released.PopReceipt));
        Assert.True(await queue.DeleteAsync(again.MessageId, again.PopReceipt));
    }

    [Fact]
    public async Task Peek_does_not_dequeue()
    {
        var queue = await NewQueueAsync("peek");
        await queue.PutAsync("one");
        await queue.PutAsync("two");

        var peeked = await queue.PeekAsync(32);
        Assert.Equal(["one", "two"], peeked.Select(m => m.Text));
        Assert.All(peeked, m => Assert.Equal(0, m.DequeueCount));
        Assert.Equal(2, (await queue.PeekAsync(32)).Count);

        var got = await queue.GetAsync(32, Hidden);
        Assert.Equal(2, got.Count);
        Assert.All(got, m => Assert.Equal(1, m.DequeueCount));
    }

    [Fact]
    public async Task Approximate_length_counts_visible_and_hidden_messages()
    {
        var queue = await NewQueueAsync("length");
        for (int i = 0; i < 5; i++)
        {
            await queue.PutAsync($"m{i}");
        }

        Assert.Equal(5, await queue.GetApproximateLengthAsync());
        var got = await queue.GetAsync(2, Hidden);
        Assert.Equal(5, await queue.GetApproximateLengthAsync());
        await queue.DeleteAsync(got[0].MessageId, got[0].PopReceipt);
        Assert.Equal(4, await queue.GetApproximateLengthAsync());
    }

    [Fact]
    public async Task Dequeue_count_increments_on_each_get()
    {
        var queue = await NewQueueAsync("dequeue");
        await queue.PutAsync("retry me");
        for (int expected = 1; expected <= 3; expected++)
        {
            var message = Assert.Single(await queue.GetAsync(1, TimeSpan.FromSeconds(1)));
            Assert.Equal(expected, message.DequeueCount);
            // Give it back at once, as a failed handler with no back-off would.
            await queue.UpdateVisibilityAsync(message.MessageId, message.PopReceipt, TimeSpan.Zero);
        }
    }

    [Fact]
    public async Task Operations_on_a_missing_queue_fail_with_the_service_code()
    {
        var queue = new QueueService(StorageConnection.Parse(azurite.ConnectionString)).GetQueue(TestNames.Queue("missing"));
        var exception = await Assert.ThrowsAsync<StorageRequestException>(() => queue.PutAsync("x"));
        Assert.Equal(404, exception.Status);
        Assert.Equal("QueueNotFound", exception.ErrorCode);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Upper")]
    [InlineData("double--hyphen")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    public void Invalid_queue_names_are_refused(string name)
    {
        var service = new QueueService(StorageConnection.Parse(azurite.ConnectionString));
        Assert.Throws<ArgumentException>(() => service.GetQueue(name));
    }
}
