using System.Collections.Concurrent;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Tests.Storage;

/// <summary>A flush counts as background work (it takes the pumps' storage lanes) only when every caller it serves is background work.</summary>
public class GroupCommitTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<(string[] Items, bool Background)> _flushes = new();

    private async Task FlushAsync(IReadOnlyList<GroupCommit<string, bool>.Pending> batch)
    {
        _flushes.Enqueue((batch.Select(p => p.Item).Order().ToArray(), BackgroundLanes.IsBackground));
        if (batch.Any(p => p.Item.StartsWith("hold", StringComparison.Ordinal))) await _gate.Task;
        foreach (var p in batch) p.Done.TrySetResult(true);
    }

    private static Task<bool> SubmitInBackground(GroupCommit<string, bool> commit, string item) => Task.Run(() =>
    {
        BackgroundLanes.Enter();
        return commit.SubmitAsync(item);
    });

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the flush did not start");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task A_flush_for_background_callers_only_is_background_work_and_one_with_a_request_is_not()
    {
        await using var commit = new GroupCommit<string, bool>(100, FlushAsync);

        await SubmitInBackground(commit, "pump").WaitAsync(Patience);
        await commit.SubmitAsync("request").WaitAsync(Patience);

        // Both flush slots (GroupCommit allows two in flight) held, so the next two callers, one of each kind, wait
        // together and share one flush.
        var holds = new List<Task<bool>>();
        foreach (var hold in new[] { "hold1", "hold2" })
        {
            holds.Add(commit.SubmitAsync(hold));
            await WaitUntilAsync(() => _flushes.Any(f => f.Items.Contains(hold)));
        }
        var mixed = new[] { SubmitInBackground(commit, "pump2"), commit.SubmitAsync("request2") };
        await Task.Delay(50);
        _gate.SetResult();
        await Task.WhenAll(holds.Concat(mixed)).WaitAsync(Patience);

        var flushes = _flushes.ToList();
        Assert.Equal(["pump"], flushes[0].Items);
        Assert.True(flushes[0].Background);
        Assert.Equal(["request"], flushes[1].Items);
        Assert.False(flushes[1].Background);
        var shared = Assert.Single(flushes, f => f.Items.Contains("pump2"));
        Assert.Equal(["pump2", "request2"], shared.Items);
        Assert.False(shared.Background);
    }
}
