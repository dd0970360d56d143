using System.Collections.Concurrent;
using System.Globalization;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Messaging.Outbound;

/// <summary>
/// Holds each phone number to its rate (sends per second) across every hub instance sharing the storage account.
/// <para>
/// Mechanism: a table row per number and second (<c>RATE|{phoneNumberId}</c>, RowKey = the second modulo 60, so 60
/// rows per number are reused and nothing needs cleaning) counts the sends claimed in that second. An instance
/// claims a block of sends (a tenth of the rate) with an ETag-conditional update and hands them out locally; when the
/// second's count reaches the rate, every instance waits for the next second. Storage sees about ten writes per number
/// and second however many instances send, and the sum of all claims in a second never exceeds the rate. Clock
/// skew between instances shifts second boundaries by the skew, so bursts at a boundary can exceed the rate by that
/// fraction; Meta's limit is an average, and its 130429 answer is retried.
/// </para>
/// </summary>
public sealed class SendGovernor(TableService tables, HubOptions options, TimeProvider clock)
{
    private const int Ring = 60;

    private readonly ITableStore _table = tables.GetTable(HubTables.SendRates);
    private readonly ConcurrentDictionary<string, NumberBudget> _budgets = new(StringComparer.Ordinal);

    private int Rate => options.Outbound.RatePerSecond;

    /// <summary>
    /// Waits until <paramref name="phoneNumberId"/> may send at least one more message, and takes as many sends as are
    /// free now, up to <paramref name="wanted"/>: a worker with a batch sends what this second allows and asks again.
    /// </summary>
    /// <returns>The sends granted, 1 to <paramref name="wanted"/>.</returns>
    public async Task<int> AcquireUpToAsync(string phoneNumberId, int wanted, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(wanted, 1);
        var budget = _budgets.GetOrAdd(PhoneNumberId.Normalize(phoneNumberId), number => new NumberBudget(number));
        while (true)
        {
            TimeSpan wait;
            await budget.Lock.WaitAsync(cancellationToken);
            try
            {
                var second = clock.GetUtcNow().ToUnixTimeSeconds();
                if (budget.Second != second || budget.Remaining == 0)
                {
                    var granted = budget.Second == second && budget.SecondIsFull ? 0 : await ClaimAsync(budget.Number, second, cancellationToken);
                    budget.Second = second;
                    budget.Remaining = granted;
                    budget.SecondIsFull = granted == 0;
                }
                if (budget.Remaining > 0)
                {
                    var taken = Math.Min(wanted, budget.Remaining);
                    budget.Remaining -= taken;
                    return taken;
                }
                wait = DateTimeOffset.FromUnixTimeSeconds(second + 1) - clock.GetUtcNow();
            }
            finally
            {
                budget.Lock.Release();
            }
            if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, cancellationToken);
        }
    }

    /// <summary>Claims up to a block of sends in <paramref name="second"/>; 0 when the second is used up.</summary>
    private async Task<int> ClaimAsync(string number, long second, CancellationToken cancellationToken)
    {
        var block = Math.Max(1, (Rate + 9) / 10);
        var partition = StorageKey.Compose("RATE", number);
        var rowKey = (second % Ring).ToString("D2", CultureInfo.InvariantCulture);
        while (true)
        {
            var row = await _table.GetAsync(partition, rowKey, cancellationToken);
            if (row is null)
            {
                var grant = Math.Min(block, Rate);
                if (await _table.InsertIfAbsentAsync(NewRow(partition, rowKey, second, grant), cancellationToken)) return grant;
                continue;
            }
            var claimed = row.GetInt64("second") == second ? row.GetInt32("claimed") ?? 0 : 0;
            var granted = Math.Min(block, Rate - claimed);
            if (granted <= 0) return 0;
            row.Set("second", second);
            row.Set("claimed", claimed + granted);
            try
            {
                await _table.UpdateAsync(row, row.ETag!, TableUpdateMode.Replace, cancellationToken);
                return granted;
            }
            catch (TableConcurrencyException)
            {
                // another instance claimed meanwhile: read the new count
            }
        }
    }

    private static TableRow NewRow(string partition, string rowKey, long second, int claimed)
    {
        var row = new TableRow(partition, rowKey);
        row.Set("second", second);
        row.Set("claimed", claimed);
        return row;
    }

    private sealed class NumberBudget(string number)
    {
        public string Number { get; } = number;
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public long Second { get; set; } = -1;
        public int Remaining { get; set; }
        public bool SecondIsFull { get; set; }
    }
}
