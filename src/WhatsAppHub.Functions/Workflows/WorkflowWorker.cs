using System.Text.Json.Nodes;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Core.Workflows;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Workflows;

/// <summary>
/// Handles one <c>workflows</c> queue message: one transition of one instance. The message names the step it wakes;
/// a message for an earlier step (a timer that lost to a reply, a signal repeated) is dropped. The definition decides;
/// the effects run with their deterministic ids (each recorded before it acts); the next wake-up is put (a visibility-
/// delayed message, a correlation row); and only then is the row replaced with <c>If-Match</c>. A crash anywhere before
/// that replace repeats the transition when the message reappears, with the same effect ids, so no effect happens twice;
/// a transition that loses the replace to another one (a racing instance of the hub) leaves it to the winner.
/// </summary>
public sealed class WorkflowWorker(
    WorkflowStore store,
    WorkflowRunner runner,
    WorkflowDefinitions definitions,
    QueueService queues,
    TimeProvider clock,
    ILogger<WorkflowWorker> logger)
{
    /// <summary>Deliveries after which a message that keeps failing is set aside and its instance failed.</summary>
    public const int MaxDequeues = 10;

    public static TimeSpan LeaseTime { get; } = TimeSpan.FromSeconds(60);

    /// <summary>A wake-up for the step after the current one shows up when its put beat the commit: it is read again
    /// this many times (10, 20, 40, 80, 160 ms apart), then hidden <see cref="AheadDelay"/>.</summary>
    private const int AheadRereads = 5;

    private static readonly TimeSpan AheadDelay = TimeSpan.FromSeconds(1);

    private static readonly string Runner = $"{Environment.MachineName}:{Environment.ProcessId}";

    private readonly PoisonQueue _poison = new(queues.GetQueue(HubQueues.WorkflowsPoison), logger);

    public async Task HandleAsync(IWorkQueue queue, QueueMessage queued, CancellationToken cancellationToken)
    {
        if (WorkflowWork.TryParse(queued.Text) is not { } work)
        {
            await _poison.MoveAsync(queue, queued, "The queue message is not {\"id\", \"step\", \"kind\"} of a workflow wake-up.", cancellationToken);
            return;
        }
        var instance = await store.FindAsync(work.Id, cancellationToken);
        // A wake-up is put before the transition that makes it due commits (so a crash cannot lose it): one taken at
        // once (a timer due now) may find the row a step behind for a few milliseconds. Look again shortly before
        // handing it back to the queue, whose visibility works in whole seconds.
        for (var attempt = 0; instance is not null && work.Step > instance.Step && attempt < AheadRereads; attempt++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10 << attempt), cancellationToken);
            instance = await store.FindAsync(work.Id, cancellationToken);
        }
        if (instance is null)
        {
            await _poison.MoveAsync(queue, queued, $"No workflow instance {work.Id}.", cancellationToken);
            return;
        }
        if (WorkflowStatus.IsFinal(instance.Status) || work.Step < instance.Step)
        {
            await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken); // stale: the instance moved on
            return;
        }
        if (work.Step > instance.Step)
        {
            // Its transition has not committed; gone for good after a while (the transition's repeat puts another).
            if (queued.DequeueCount > MaxDequeues) await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken);
            else await queue.UpdateVisibilityAsync(queued.MessageId, queued.PopReceipt, AheadDelay, cancellationToken);
            return;
        }
        if (queued.DequeueCount > MaxDequeues)
        {
            var reason = $"Dequeued {queued.DequeueCount} times without finishing step {work.Step} (the hub's log says why).";
            await FailAsync(instance, work, reason, cancellationToken);
            await _poison.MoveAsync(queue, queued, reason, cancellationToken);
            return;
        }
        var now = clock.GetUtcNow();
        if (work.Kind == WorkflowWork.Timer && work.Due is { } due && due > now + TimeSpan.FromSeconds(1))
        {
            await runner.PutAsync(work, cancellationToken); // a wait past the 7-day visibility limit: re-armed for the rest
            await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken);
            return;
        }

        try
        {
            await TransitionAsync(instance, work, now, cancellationToken);
            await queue.DeleteAsync(queued.MessageId, queued.PopReceipt, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A passing failure (storage, EUM): tried again soon with the same effect ids, backing off.
            var delay = TimeSpan.FromSeconds(Math.Min(60, 1 << (int)Math.Min(queued.DequeueCount, 6)));
            logger.LogWarning(e, "Workflow {InstanceId} step {Step} not finished; retrying in {Delay}", work.Id, work.Step, delay);
            await queue.UpdateVisibilityAsync(queued.MessageId, queued.PopReceipt, delay, cancellationToken);
        }
    }

    private async Task TransitionAsync(WorkflowInstance instance, WorkflowWork work, DateTimeOffset now, CancellationToken cancellationToken)
    {
        WorkflowTrigger trigger = work.Kind switch
        {
            WorkflowWork.Start => new WorkflowTrigger.Start(instance.State),
            WorkflowWork.Timer => new WorkflowTrigger.Timer(),
            _ => new WorkflowTrigger.Event(work.EventName!, work.Payload),
        };
        WorkflowDecision decision;
        try
        {
            decision = definitions.Find(instance.Type) is { } definition
                ? definition.Decide(new WorkflowContext(instance.Id, instance.Step, instance.State, now), trigger)
                : throw new WorkflowStateException($"This hub knows no workflow type '{instance.Type}'.");
        }
        catch (WorkflowStateException e)
        {
            decision = new WorkflowDecision(instance.State, [], new WorkflowNext.Fail(e.Message), "failed");
        }

        var effects = new JsonArray();
        for (var i = 0; i < decision.Effects.Count; i++)
        {
            var effect = decision.Effects[i];
            var effectId = WorkflowIds.EffectId(instance.Id, instance.Step, i);
            var result = definitions.FindEffect(effect.Kind) is { } handler
                ? await handler.RunAsync(effectId, effect.Payload, cancellationToken)
                : new WorkflowEffectResult(false, $"This hub knows no effect '{effect.Kind}'.");
            effects.Add(new JsonObject { ["id"] = effectId, ["kind"] = effect.Kind, ["ok"] = result.Ok, ["result"] = result.Detail });
            if (!result.Ok) logger.LogWarning("Workflow {InstanceId} effect {EffectId} refused: {Reason}", instance.Id, effectId, result.Detail);
        }

        var step = instance.Step + 1;
        var next = instance with { Step = step, State = decision.State, WaitKey = null, WakeAt = null, UpdatedAt = now };
        switch (decision.Next)
        {
            case WorkflowNext.Timer timer:
                next = next with { Status = WorkflowStatus.Waiting, WakeAt = timer.At };
                await runner.PutAsync(new WorkflowWork(instance.Id, step, WorkflowWork.Timer, timer.At), cancellationToken);
                break;
            case WorkflowNext.Event wait:
                next = next with { Status = WorkflowStatus.Waiting, WaitKey = wait.CorrelationKey, WakeAt = wait.TimeoutAt };
                await store.PutWaitAsync(wait.CorrelationKey, instance.Id, step, now, cancellationToken);
                if (wait.TimeoutAt is { } timeout)
                    await runner.PutAsync(new WorkflowWork(instance.Id, step, WorkflowWork.Timer, timeout), cancellationToken);
                break;
            case WorkflowNext.Complete complete:
                next = next with { Status = WorkflowStatus.Completed, Outcome = complete.Outcome };
                break;
            case WorkflowNext.Fail fail:
                next = next with { Status = WorkflowStatus.Failed, Outcome = fail.Reason };
                break;
        }
        var entry = WorkflowRunner.Entry(now, instance.Step, trigger.Name, next.Status, decision.Note);
        if (effects.Count > 0) entry["effects"] = effects;
        entry["by"] = Runner; // which hub instance ran it: with several, the history shows they share the work
        if (await store.ReplaceAsync(next.WithHistory(entry), cancellationToken) is null)
        {
            logger.LogInformation("Workflow {InstanceId} step {Step} was taken by another transition", instance.Id, instance.Step);
            return;
        }
        if (instance.WaitKey is { } oldKey && oldKey != next.WaitKey) await store.DeleteWaitAsync(oldKey, instance.Id, cancellationToken);
    }

    private async Task FailAsync(WorkflowInstance instance, WorkflowWork work, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var failed = (instance with
        {
            Status = WorkflowStatus.Failed, Step = instance.Step + 1, WaitKey = null, WakeAt = null, Outcome = reason, UpdatedAt = now,
        }).WithHistory(WorkflowRunner.Entry(now, instance.Step, work.Kind, WorkflowStatus.Failed, reason));
        if (await store.ReplaceAsync(failed, cancellationToken) is not null && instance.WaitKey is { } key)
            await store.DeleteWaitAsync(key, instance.Id, cancellationToken);
    }
}
