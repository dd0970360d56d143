using System.Net;
using Azure.Core.Pipeline;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;

namespace WhatsAppHub.Azure.Tests.Storage;

public class BackgroundLanesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static (TableService Tables, HoldingHandler Handler, StoppedClock Clock) Services(int lanes)
    {
        var handler = new HoldingHandler();
        var clock = new StoppedClock();
        var options = new TableServiceOptions { Transport = new HttpClientTransport(handler) };
        new BackgroundLanes(lanes, clock).AddTo(options);
        return (new TableService(StorageConnection.Parse("UseDevelopmentStorage=true"), options), handler, clock);
    }

    /// <summary><paramref name="count"/> calls at once from a flow marked as background work.</summary>
    private static Task StartBackground(TableService tables, int count) => Task.Run(async () =>
    {
        BackgroundLanes.Enter();
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => tables.GetTable("background").GetAsync("p", $"r{i}")));
    });

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Background_calls_take_turns_in_their_lanes_while_a_request_handlers_call_goes_at_once(int lanes)
    {
        var (tables, handler, _) = Services(lanes);
        Assert.Null(await tables.GetTable("foreground").GetAsync("p", "r0")); // requests are being served

        // More background calls at once than lanes: only as many as there are lanes reach storage while held.
        var background = StartBackground(tables, lanes + 2);
        await handler.WaitForAsync("background", lanes).WaitAsync(Patience);

        // A call outside that flow is answered while the background ones are still held.
        Assert.Null(await tables.GetTable("foreground").GetAsync("p", "r").WaitAsync(Patience));
        Assert.Equal(lanes, handler.Seen("background"));

        handler.Release();
        await background.WaitAsync(Patience);
        Assert.Equal(lanes + 2, handler.Seen("background"));
        Assert.Equal(lanes, handler.MostAtOnce("background"));
    }

    [Fact]
    public async Task Background_calls_go_together_when_no_other_call_was_made_lately()
    {
        var (tables, handler, clock) = Services(lanes: 1);
        Assert.Null(await tables.GetTable("foreground").GetAsync("p", "r0"));
        clock.Advance(BackgroundLanes.QuietAfter);

        var background = StartBackground(tables, 3);
        await handler.WaitForAsync("background", 3).WaitAsync(Patience);

        handler.Release();
        await background.WaitAsync(Patience);
        Assert.Equal(3, handler.MostAtOnce("background"));
    }

    [Fact]
    public void A_lane_count_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BackgroundLanes(0));

    /// <summary>A clock that moves only when told to.</summary>
    private sealed class StoppedClock : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }

    /// <summary>Answers 404 at once for the table "foreground"; holds calls to "background" until <see cref="Release"/>.</summary>
    private sealed class HoldingHandler : HttpMessageHandler
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _lock = new();
        private readonly Dictionary<string, (int Seen, int Now, int Most)> _tables = [];
        private readonly List<(string Table, int Count, TaskCompletionSource Reached)> _waiters = [];

        public void Release() => _released.TrySetResult();

        public int Seen(string table) { lock (_lock) return _tables.GetValueOrDefault(table).Seen; }

        public int MostAtOnce(string table) { lock (_lock) return _tables.GetValueOrDefault(table).Most; }

        public Task WaitForAsync(string table, int count)
        {
            lock (_lock)
            {
                if (_tables.GetValueOrDefault(table).Seen >= count) return Task.CompletedTask;
                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Add((table, count, reached));
                return reached.Task;
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var table = request.RequestUri!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1].Split('(')[0];
            lock (_lock)
            {
                var (seen, now, most) = _tables.GetValueOrDefault(table);
                _tables[table] = (seen + 1, now + 1, Math.Max(most, now + 1));
                foreach (var waiter in _waiters.Where(w => w.Table == table && seen + 1 >= w.Count)) waiter.Reached.TrySetResult();
            }
            try
            {
                if (table == "background") await _released.Task.WaitAsync(cancellationToken);
                return new HttpResponseMessage(HttpStatusCode.NotFound);
            }
            finally
            {
                lock (_lock)
                {
                    var (seen, now, most) = _tables[table];
                    _tables[table] = (seen, now - 1, most);
                }
            }
        }
    }
}
