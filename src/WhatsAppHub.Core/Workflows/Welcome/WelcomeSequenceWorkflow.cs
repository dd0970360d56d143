using System.Text.Json.Nodes;

namespace WhatsAppHub.Core.Workflows.Welcome;

/// <summary>
/// The <c>WelcomeSequence</c> workflow: sends a sequence's steps to one contact, each after its delay, while listening
/// for the contact's reply (correlation key <see cref="ReplyKey"/>), which stops the sequence, branches it to its reply
/// steps, or is ignored (<see cref="WelcomeSequence.OnReply"/>).
/// <para>
/// State: <c>phoneNumberId</c>, <c>waId</c>, <c>sequence</c> (its name), <c>steps</c> and <c>replySteps</c> (copied at
/// the start, so editing the sequence never changes a contact's run half-way), <c>onReply</c>, <c>branch</c>
/// (<c>main</c> or <c>reply</c>), <c>next</c> (the index of the next step to send), <c>sent</c>.
/// </para>
/// </summary>
public sealed class WelcomeSequenceWorkflow : IWorkflowDefinition
{
    public const string TypeName = "WelcomeSequence";
    public const string SendMessage = "send-message";
    public const string SendTemplate = "send-template";
    public const string ReplyEvent = "reply";

    public string Type => TypeName;

    /// <summary>Where a contact's reply to a number is signalled.</summary>
    public static string ReplyKey(string phoneNumberId, string waId) => $"reply|{phoneNumberId}|{waId}";

    /// <summary>One instance per contact and sequence at a time: the id is the same for every click of that contact.</summary>
    public static string InstanceId(string phoneNumberId, string waId, string sequence) =>
        WorkflowIds.Deterministic(TypeName, phoneNumberId, waId, sequence);

    /// <summary>What the starter stores: the contact, the number they wrote to, and the sequence as it is now.</summary>
    public static JsonObject Input(string phoneNumberId, string waId, WelcomeSequence sequence, string? adSourceId) => new()
    {
        ["phoneNumberId"] = phoneNumberId,
        ["waId"] = waId,
        ["sequence"] = sequence.Name,
        ["adSourceId"] = adSourceId,
        ["steps"] = new JsonArray(sequence.Steps.Select(s => (JsonNode)s.ToJson()).ToArray()),
        ["replySteps"] = new JsonArray(sequence.ReplySteps.Select(s => (JsonNode)s.ToJson()).ToArray()),
        ["onReply"] = sequence.OnReply,
    };

    public WorkflowDecision Decide(WorkflowContext context, WorkflowTrigger trigger)
    {
        switch (trigger)
        {
            case WorkflowTrigger.Start start:
            {
                var state = start.Input.DeepClone().AsObject();
                state["branch"] = "main";
                state["next"] = 0L;
                state["sent"] = 0L;
                return FirstOfBranch(state, context.Now, "started");
            }
            case WorkflowTrigger.Timer:
            {
                var state = context.State.DeepClone().AsObject();
                return SendDue(state, context.Now);
            }
            case WorkflowTrigger.Event { EventName: ReplyEvent }:
            {
                var state = context.State.DeepClone().AsObject();
                var onReply = Text(state, "onReply");
                if (Text(state, "branch") != "main" || onReply == WelcomeSequence.Continue)
                    return new WorkflowDecision(state, [], Wait(state, context.Now), "reply ignored");
                if (onReply == WelcomeSequence.Branch)
                {
                    state["branch"] = "reply";
                    state["next"] = 0L;
                    return FirstOfBranch(state, context.Now, "replied: branching");
                }
                return new WorkflowDecision(state, [], new WorkflowNext.Complete("replied"), "replied: stopped");
            }
            case WorkflowTrigger.Event other:
                throw new WorkflowStateException($"A welcome sequence takes no '{other.EventName}' event.");
            default:
                throw new WorkflowStateException($"Unknown trigger {trigger.Name}.");
        }
    }

    /// <summary>The first step of a branch goes at once when its delay is 0, else after it.</summary>
    private static WorkflowDecision FirstOfBranch(JsonObject state, DateTimeOffset now, string note)
    {
        var steps = Steps(state);
        if (steps.Count == 0) return new WorkflowDecision(state, [], new WorkflowNext.Complete("finished"), note + "; no steps");
        if (steps[0].DelaySeconds > 0) return new WorkflowDecision(state, [], Wait(state, now), note);
        var sent = SendDue(state, now);
        return sent with { Note = note + "; " + sent.Note };
    }

    /// <summary>Sends the next step and waits for the one after it (or ends).</summary>
    private static WorkflowDecision SendDue(JsonObject state, DateTimeOffset now)
    {
        var steps = Steps(state);
        var next = (int)Whole(state, "next");
        if (next >= steps.Count) return new WorkflowDecision(state, [], new WorkflowNext.Complete("finished"), "nothing left to send");

        var to = "+" + Text(state, "waId");
        WorkflowEffect effect;
        if (steps[next].Template is { } template)
        {
            effect = new WorkflowEffect(SendTemplate, new JsonObject
            {
                ["phoneNumberId"] = Text(state, "phoneNumberId"),
                ["to"] = to,
                ["template"] = template.DeepClone(),
            });
        }
        else
        {
            var message = steps[next].Message?.DeepClone().AsObject() ?? throw new WorkflowStateException("A stored step has neither message nor template.");
            message["to"] = to;
            effect = new WorkflowEffect(SendMessage, new JsonObject { ["phoneNumberId"] = Text(state, "phoneNumberId"), ["message"] = message });
        }
        state["next"] = (long)next + 1;
        state["sent"] = Whole(state, "sent") + 1;
        return new WorkflowDecision(state, [effect], Wait(state, now), $"sent {Text(state, "branch")} step {next + 1} of {steps.Count}");
    }

    /// <summary>The wait for the next step: listening for a reply on the main branch (unless replies are ignored).</summary>
    private static WorkflowNext Wait(JsonObject state, DateTimeOffset now)
    {
        var steps = Steps(state);
        var next = (int)Whole(state, "next");
        if (next >= steps.Count) return new WorkflowNext.Complete("finished");
        var at = now.AddSeconds(steps[next].DelaySeconds);
        return Text(state, "branch") == "main" && Text(state, "onReply") != WelcomeSequence.Continue
            ? new WorkflowNext.Event(ReplyKey(Text(state, "phoneNumberId"), Text(state, "waId")), at)
            : new WorkflowNext.Timer(at);
    }

    private static List<WelcomeStep> Steps(JsonObject state) =>
        (state[Text(state, "branch") == "reply" ? "replySteps" : "steps"] as JsonArray ?? [])
        .Select(s => WelcomeStep.From(s as JsonObject ?? throw new WorkflowStateException("A stored step is not an object."))).ToList();

    /// <summary>A number read back from storage is a long; one set in this transition may still be an int.</summary>
    private static long Whole(JsonObject state, string name) => state[name] switch
    {
        null => 0,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        _ => throw new WorkflowStateException($"The state's '{name}' is not a whole number."),
    };

    private static string Text(JsonObject state, string name) =>
        state[name]?.GetValue<string>() ?? throw new WorkflowStateException($"The state has no '{name}'.");
}
