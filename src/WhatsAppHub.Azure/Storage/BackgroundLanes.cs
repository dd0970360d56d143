using Azure.Core;
using Azure.Core.Pipeline;

namespace WhatsAppHub.Azure.Storage;

/// <summary>
/// Makes background work take turns for storage, so that the calls of request handlers do not queue behind it. An async
/// flow marked with <see cref="Enter"/> (a pump's loop and every task it starts) waits for one of a fixed number of
/// lanes before each storage attempt; every other call goes at once. This matters where one server works through calls
/// one after another: Azurite serves them all on one Node.js event loop in arrival order, so without lanes an accept's
/// call waits behind every transaction the send worker has in flight (at 1,000 sends/s, several 50-100-row updates of
/// 5-15 ms each). A lane is held per attempt, never across a retry's delay. One instance serves the table and the queue
/// service, added to both with <see cref="AddTo"/>.
/// </summary>
public sealed class BackgroundLanes : HttpPipelinePolicy
{
    private static readonly AsyncLocal<bool> InBackground = new();
    private readonly SemaphoreSlim _lanes;

    public BackgroundLanes(int lanes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lanes, 1);
        _lanes = new SemaphoreSlim(lanes, lanes);
    }

    /// <summary>Marks the calling async flow, and the tasks it starts from now on, as background work.</summary>
    public static void Enter() => InBackground.Value = true;

    public void AddTo(ClientOptions options) => options.AddPolicy(this, HttpPipelinePosition.PerRetry);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (!InBackground.Value)
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
        if (!InBackground.Value)
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
}
