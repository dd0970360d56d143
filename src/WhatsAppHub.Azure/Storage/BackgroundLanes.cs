using Azure.Core;
using Azure.Core.Pipeline;

namespace WhatsAppHub.Azure.Storage;

/// <summary>
/// Makes background work take turns for storage, so that the calls of request handlers do not queue behind it. An async
/// flow marked with <see cref="Enter"/> (a pump's loop and every task it starts) waits for one of a fixed number of
/// lanes before each storage attempt; every other call goes at once. This matters where one server works through calls
/// one after another: Azurite serves them all on one Node.js event loop in arrival order, so without lanes an accept's
/// call waits behind every transaction the send worker has in flight (at 1,000 sends/s, several 50-100-row updates of
/// 5-15 ms each). Lanes apply only while other calls are being made (one in the last <see cref="QuietAfter"/>): a
/// worker draining a backlog alone goes at full speed. A lane is held per attempt, never across a retry's delay. One
/// instance serves the table and the queue service, added to both with <see cref="AddTo"/>.
/// </summary>
public sealed class BackgroundLanes : HttpPipelinePolicy
{
    /// <summary>How long after the last call from outside background work the lanes still apply.</summary>
    public static readonly TimeSpan QuietAfter = TimeSpan.FromMilliseconds(100);

    private static readonly AsyncLocal<bool> InBackground = new();
    private readonly SemaphoreSlim _lanes;
    private readonly TimeProvider _clock;
    private long _lastForeground = long.MinValue / 2; // long ago: no lanes until a request handler calls

    public BackgroundLanes(int lanes, TimeProvider? clock = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lanes, 1);
        _lanes = new SemaphoreSlim(lanes, lanes);
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Marks the calling async flow, and the tasks it starts from now on, as background work.</summary>
    public static void Enter() => InBackground.Value = true;

    /// <summary>True in a flow marked with <see cref="Enter"/>.</summary>
    public static bool IsBackground => InBackground.Value;

    public void AddTo(ClientOptions options) => options.AddPolicy(this, HttpPipelinePosition.PerRetry);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (!TakesTurns())
        {
            ProcessNext(message, pipeline);
            return;
        }
        _lanes.Wait(message.CancellationToken);
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            _lanes.Release();
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (!TakesTurns())
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
            return;
        }
        await _lanes.WaitAsync(message.CancellationToken).ConfigureAwait(false);
        try
        {
            await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        }
        finally
        {
            _lanes.Release();
        }
    }

    /// <summary>True for a background call while other calls are being made; a call from outside background work is noted.</summary>
    private bool TakesTurns()
    {
        var now = _clock.GetTimestamp();
        if (!IsBackground)
        {
            Volatile.Write(ref _lastForeground, now);
            return false;
        }
        return _clock.GetElapsedTime(Volatile.Read(ref _lastForeground), now) < QuietAfter;
    }
}
