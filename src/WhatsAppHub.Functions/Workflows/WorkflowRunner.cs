using System.Text.Json.Nodes;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Core.Workflows;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Workflows;

/// <summary>
/// The runner's entry points for the rest of the hub: start an instance, signal the instances waiting on a correlation
/// key, cancel one. Transitions themselves happen in <see cref="WorkflowWorker"/>, woken through the <c>workflows</c>
/// queue, on whichever instance of the hub takes the message.
/// </summary>
public sealed class WorkflowRunner(WorkflowStore store, QueueService queues, WorkflowDefinitions definitions, TimeProvider clock, ILogger<WorkflowRunner> logger)
{
    /// <summary>The queue's visibility limit is 7 days; a longer wait is re-armed when the message shows up early.</summary>
    public static readonly TimeSpan MaxTimerDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    private readonly IWorkQueue _queue = queues.GetQueue(HubQueues.Workflows);

    public enum StartOutcome { Started, Restarted, AlreadyStarted, AlreadyRunning }

    /// <summary>
    /// Starts <paramref name="instanceId"/> (<c>{type}.{key}</c>) with <paramref name="input"/>. One run per id at a time:
    /// an instance still running is left alone; a finished one starts again (its step count goes on, so the effects of
    /// the new run get new ids). The same <paramref name="startKey"/> again (a retried inbound message) changes nothing.
    /// </summary>
    public async Task<StartOutcome> StartAsync(string instanceId, JsonObject input, string? startKey, CancellationToken cancellationToken)
    {
        if (!WorkflowIds.TryParse(instanceId, out var type, out _) || definitions.Find(type) is null)
            throw new ArgumentException($"'{instanceId}' is not the id of a known workflow type.", nameof(instanceId));
        var now = clock.GetUtcNow();
        var fresh = new WorkflowInstance(instanceId, type, WorkflowStatus.Running, 0, input, null, null, null, startKey, now, now, [], 0, null)
            .WithHistory(Entry(now, 0, "created", WorkflowStatus.Running));
        for (var attempt = 0; attempt < 5; attempt++)
        {
            // The row first, then its queue message: a start whose put failed is put again when the starter retries.
            if (await store.InsertAsync(fresh, cancellationToken))
            {
                await PutAsync(new WorkflowWork(instanceId, 0, WorkflowWork.Start), cancellationToken);
                return StartOutcome.Started;
            }
            if (await store.FindAsync(instanceId, cancellationToken) is not { } existing) continue;
            if (startKey is not null && existing.StartKey == startKey)
            {
                if (existing.Status == WorkflowStatus.Running) await PutAsync(new WorkflowWork(instanceId, existing.Step, WorkflowWork.Start), cancellationToken);
                return StartOutcome.AlreadyStarted;
            }
            if (!WorkflowStatus.IsFinal(existing.Status)) return StartOutcome.AlreadyRunning;
            var step = existing.Step + 1;
            var restarted = existing with
            {
                Status = WorkflowStatus.Running, Step = step, State = input, WaitKey = null, WakeAt = null, Outcome = null, StartKey = startKey, UpdatedAt = now,
            };
            if (await store.ReplaceAsync(restarted.WithHistory(Entry(now, step, "restarted", WorkflowStatus.Running)), cancellationToken) is null) continue;
            await PutAsync(new WorkflowWork(instanceId, step, WorkflowWork.Start), cancellationToken);
            return StartOutcome.Restarted;
        }
        throw new InvalidOperationException($"Workflow {instanceId} kept changing while it was started.");
    }

    /// <summary>Wakes every instance waiting on <paramref name="correlationKey"/> with the event; returns how many.</summary>
    /// <remarks>
    /// Each gets a queue message naming the step it waits at, so signalling twice (a retried inbound message) is
    /// harmless: the second arrives after the instance moved on and is dropped as stale.
    /// </remarks>
    public async Task<int> SignalAsync(string correlationKey, string eventName, JsonObject? payload, CancellationToken cancellationToken)
    {
        var waiters = await store.ListWaitersAsync(correlationKey, cancellationToken);
        foreach (var (instanceId, step) in waiters)
            await PutAsync(new WorkflowWork(instanceId, step, WorkflowWork.Event, EventName: eventName, Payload: payload), cancellationToken);
        return waiters.Count;
    }

    /// <summary>
    /// Ends an instance that is not finished yet. Its step moves on, so whatever the queue still holds for it is stale.
    /// Returns the instance as it now is, and whether this call cancelled it (false: unknown, or already finished).
    /// </summary>
    public async Task<(WorkflowInstance? Instance, bool Cancelled)> CancelAsync(string instanceId, string reason, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await store.FindAsync(instanceId, cancellationToken) is not { } existing) return (null, false);
            if (WorkflowStatus.IsFinal(existing.Status)) return (existing, false);
            var now = clock.GetUtcNow();
            var cancelled = (existing with
            {
                Status = WorkflowStatus.Cancelled, Step = existing.Step + 1, WaitKey = null, WakeAt = null, Outcome = reason, UpdatedAt = now,
            }).WithHistory(Entry(now, existing.Step, "cancel", WorkflowStatus.Cancelled, reason));
            if (await store.ReplaceAsync(cancelled, cancellationToken) is not { } saved) continue;
            if (existing.WaitKey is { } key) await store.DeleteWaitAsync(key, instanceId, cancellationToken);
            logger.LogInformation("Cancelled workflow {InstanceId}: {Reason}", instanceId, reason);
            return (saved, true);
        }
        throw new InvalidOperationException($"Workflow {instanceId} kept changing while it was cancelled.");
    }

    /// <summary>Puts a wake-up, hidden until its time (at most <see cref="MaxTimerDelay"/>); it never expires.</summary>
    public Task PutAsync(WorkflowWork work, CancellationToken cancellationToken)
    {
        var delay = work.Due is { } due ? due - clock.GetUtcNow() : TimeSpan.Zero;
        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxTimerDelay ? MaxTimerDelay : delay;
        return _queue.PutAsync(work.ToJson(), delay, Timeout.InfiniteTimeSpan, cancellationToken);
    }

    public static JsonObject Entry(DateTimeOffset at, long step, string trigger, string status, string? note = null)
    {
        var entry = new JsonObject { ["at"] = at.ToString("O"), ["step"] = step, ["trigger"] = trigger, ["status"] = status };
        if (note is not null) entry["note"] = note;
        return entry;
    }
}
