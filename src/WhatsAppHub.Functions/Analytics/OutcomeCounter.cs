using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Functions.Analytics.Ctwa;
using WhatsAppHub.Functions.Templates;

namespace WhatsAppHub.Functions.Analytics;

/// <summary>
/// Counts what happened to outbound messages, per scope (<see cref="OutcomeScope"/>: the template, the campaign, the
/// account) and per UTC day the message was sent. Callers report a status change only after they stored it under the
/// row's ETag (the forward-only rule decides whether it moved), so webhook repeats, racing instances and retries count
/// nothing twice. Counting is memory only, no I/O on the send path: counts gather here and are written every
/// <see cref="FlushEvery"/> as one compare-and-swap per scope and day (<see cref="OutcomeStore"/>), whatever the number
/// of messages; a clean shutdown writes what is left. A crash loses at most the counts of the last interval.
/// </summary>
public sealed class OutcomeCounter : IAsyncDisposable
{
    public static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(1);

    /// <summary>How long the last flush at shutdown may take.</summary>
    private static readonly TimeSpan FinalFlushTimeout = TimeSpan.FromSeconds(15);

    private readonly OutcomeStore _store;
    private readonly WabaResolver _wabas;
    private readonly ILogger<OutcomeCounter> _logger;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <summary>Counts by what the MESSAGE rows say; the account (hence the template scope) is looked up at the flush.</summary>
    private Dictionary<Source, OutcomeDeltas> _pending = [];

    /// <summary>
    /// Counts already keyed by their scope row: an ad's Click-to-WhatsApp steps (their account is known when counted),
    /// and counts whose write failed, added again at the next flush.
    /// </summary>
    private Dictionary<(string Partition, DateOnly Day), OutcomeDeltas> _keyed = [];

    public OutcomeCounter(OutcomeStore store, WabaResolver wabas, ILogger<OutcomeCounter> logger)
    {
        _store = store;
        _wabas = wabas;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Counts a status change that the caller has just stored: from <paramref name="from"/> to <paramref name="message"/>'s
    /// status. Every funnel step passed is counted (sent → read counts delivered too; played counts as read); a move to
    /// failed counts a failure with its code.
    /// </summary>
    public void Count(MessageStatus from, MessageRecord message)
    {
        if (message.Direction != MessageDirection.Outbound || from == message.Status) return;
        var deltas = new OutcomeDeltas();
        if (message.Status == MessageStatus.Failed)
        {
            deltas.AddFailure(message.Error?.Code ?? message.Error?.Type);
        }
        else if (message.Status is >= MessageStatus.Sent and <= MessageStatus.Played)
        {
            if (from < MessageStatus.Sent) deltas.Sent = 1;
            if (from < MessageStatus.Delivered && message.Status >= MessageStatus.Delivered) deltas.Delivered = 1;
            if (from < MessageStatus.Read && message.Status >= MessageStatus.Read) deltas.Read = 1;
        }
        Add(message, deltas);
    }

    /// <summary>Counts a contact's first reply to <paramref name="original"/> (the caller made sure it is the first).</summary>
    public void CountReply(MessageRecord original)
    {
        if (original.Direction != MessageDirection.Outbound) return;
        Add(original, new OutcomeDeltas { Replied = 1 });
    }

    /// <summary>
    /// Counts one step of an ad's Click-to-WhatsApp funnel (<see cref="OutcomeScope.Ad"/>) on <paramref name="day"/>: a
    /// click reported, a contact's first message from the ad, their first reply, their conversion. The caller made sure
    /// it is the first time (a marker row inserted if absent).
    /// </summary>
    public void CountAd(string wabaId, string sourceId, DateOnly day, CtwaStep step)
    {
        var deltas = step switch
        {
            CtwaStep.Click => new OutcomeDeltas { Clicks = 1 },
            CtwaStep.Conversation => new OutcomeDeltas { Conversations = 1 },
            CtwaStep.Reply => new OutcomeDeltas { Replied = 1 },
            _ => new OutcomeDeltas { Conversions = 1 },
        };
        lock (_gate) Merge(_keyed, (OutcomeScope.Ad(wabaId, sourceId).PartitionKey, day), deltas);
    }

    /// <summary>The Click-to-WhatsApp funnel of each ad of an account (or the one <paramref name="sourceId"/>) over the days, by source id.</summary>
    public async Task<IReadOnlyDictionary<string, CtwaTally>> ReadAdsAsync(string wabaId, string? sourceId, DateOnly from, DateOnly to,
        CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        var filter = sourceId is null
            ? TableFilter.StartsWith("PartitionKey", OutcomeScope.AdsPrefix(wabaId))
            : TableFilter.Equal("PartitionKey", OutcomeScope.Ad(wabaId, sourceId).PartitionKey);
        var partitions = await _store.ReadByPartitionAsync(filter, from, to, cancellationToken);
        return partitions.Where(p => !p.Value.IsEmpty)
            .ToDictionary(p => OutcomeScope.AdSourceId(p.Key), p => p.Value.ToCtwaTally(), StringComparer.Ordinal);
    }

    /// <summary>The counts of <paramref name="scope"/> from <paramref name="from"/> to <paramref name="to"/> (UTC days, both included), this instance's pending counts written first.</summary>
    public async Task<OutcomeCounts> ReadAsync(OutcomeScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        return await _store.ReadAsync(TableFilter.Equal("PartitionKey", scope.PartitionKey), from, to, cancellationToken);
    }

    /// <summary>The counts of a template over every language it was sent in.</summary>
    public async Task<OutcomeCounts> ReadTemplateAsync(string wabaId, string name, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        return await _store.ReadAsync(TableFilter.StartsWith("PartitionKey", OutcomeScope.TemplateLanguagesPrefix(wabaId, name)), from, to, cancellationToken);
    }

    /// <summary>Writes the counts gathered so far; those it cannot write stay for the next flush.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            Dictionary<Source, OutcomeDeltas> pending;
            Dictionary<(string Partition, DateOnly Day), OutcomeDeltas> rows;
            lock (_gate)
            {
                (pending, _pending) = (_pending, []);
                (rows, _keyed) = (_keyed, []);
            }
            if (pending.Count == 0 && rows.Count == 0) return;

            foreach (var (source, deltas) in pending)
            {
                if (source.CampaignId is { } campaign) Merge(rows, (OutcomeScope.Campaign(campaign).PartitionKey, source.Day), deltas);
                if (source.PhoneNumberId.Length == 0) continue; // no number, no account: the campaign is all it counts for
                var (wabaId, problem) = await ResolveAsync(source.PhoneNumberId, cancellationToken);
                if (wabaId is null)
                {
                    // The account is not known (EUM did not answer, or the flush is being cancelled): the account and
                    // template counts wait for the next flush; the campaign's are in the rows already, so the source
                    // goes back without it.
                    if (problem is not null)
                        _logger.LogWarning("Outcome counts of phone number {PhoneNumberId} wait: its account is not known yet ({Problem})", source.PhoneNumberId, problem);
                    lock (_gate) Merge(_pending, source with { CampaignId = null }, deltas);
                    continue;
                }
                Merge(rows, (OutcomeScope.Account(wabaId).PartitionKey, source.Day), deltas);
                if (source.TemplateName is { } name)
                    Merge(rows, (OutcomeScope.Template(wabaId, name, source.TemplateLanguage ?? string.Empty).PartitionKey, source.Day), deltas);
            }

            await Task.WhenAll(rows.Select(async row =>
            {
                try
                {
                    await _store.AddAsync(row.Key.Partition, row.Key.Day, row.Value, cancellationToken);
                }
                catch (Exception e)
                {
                    // Kept, never dropped, whatever failed (a cancelled flush included). A write whose answer was lost
                    // may have been stored: that one flush's counts can then be added twice.
                    if (e is not OperationCanceledException) _logger.LogWarning("Outcome counts of {Partition} on {Day} are kept for the next flush: {Reason}", row.Key.Partition, row.Key.Day, e.Message);
                    lock (_gate) Merge(_keyed, row.Key, row.Value);
                }
            }));
            cancellationToken.ThrowIfCancellationRequested();
        }
        finally
        {
            _flushing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        // The pumps have stopped by now (hosted services stop before singletons are disposed): write what is left.
        using var timeout = new CancellationTokenSource(FinalFlushTimeout);
        try
        {
            await FlushAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _logger.LogWarning("Outcome counts not written at shutdown: storage did not answer within {Timeout}", FinalFlushTimeout);
        }
        lock (_gate)
            if (_pending.Count + _keyed.Count > 0)
                _logger.LogWarning("{Count} outcome counter groups could not be written at shutdown", _pending.Count + _keyed.Count);
        _stop.Dispose();
    }

    private void Add(MessageRecord message, OutcomeDeltas deltas)
    {
        if (deltas.IsEmpty) return;
        var source = new Source(message.PhoneNumberId, message.Template?.Name, message.Template?.Language, message.Template?.CampaignId,
            DateOnly.FromDateTime((message.SentAt ?? message.CreatedAt).UtcDateTime));
        lock (_gate) Merge(_pending, source, deltas);
    }

    private async Task<(string? WabaId, string? Problem)> ResolveAsync(string phoneNumberId, CancellationToken cancellationToken)
    {
        try
        {
            var (wabaId, problem) = await _wabas.ForPhoneNumberAsync(phoneNumberId, cancellationToken);
            return (wabaId, problem is null ? null : "EUM did not answer");
        }
        catch (OperationCanceledException)
        {
            return (null, null);
        }
        catch (Exception e)
        {
            return (null, e.Message);
        }
    }

    private async Task RunAsync()
    {
        Azure.Storage.BackgroundLanes.Enter(); // the flushes are background work
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(FlushEvery, _stop.Token);
                // Not cancelled by the stop: a flush under way finishes, and the final one in DisposeAsync follows it.
                await FlushAsync(CancellationToken.None);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _logger.LogWarning("Outcome counter flush failed: {Reason}", e.Message);
            }
        }
    }

    private static void Merge<TKey>(Dictionary<TKey, OutcomeDeltas> into, TKey key, OutcomeDeltas deltas) where TKey : notnull
    {
        if (!into.TryGetValue(key, out var sum)) into[key] = sum = new OutcomeDeltas();
        sum.Add(deltas);
    }

    /// <summary>What the counts of a message are keyed by before its account is known.</summary>
    private sealed record Source(string PhoneNumberId, string? TemplateName, string? TemplateLanguage, string? CampaignId, DateOnly Day);
}
