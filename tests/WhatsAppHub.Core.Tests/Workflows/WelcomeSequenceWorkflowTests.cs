using System.Text.Json.Nodes;
using WhatsAppHub.Core.Workflows;
using WhatsAppHub.Core.Workflows.Welcome;

namespace WhatsAppHub.Core.Tests.Workflows;

public class WelcomeSequenceWorkflowTests
{
    private const string Phone = "phone-number-id-0123456789abcdef0123456789abcdef";
    private const string WaId = "447700900123";
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly WelcomeSequenceWorkflow _workflow = new();

    private static WelcomeStep Text(long delay, string body) =>
        new(delay, new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = body } });

    private static WelcomeSequence Sequence(string onReply = WelcomeSequence.Stop, params WelcomeStep[] steps) =>
        new("spring", steps.Length > 0 ? steps : [Text(0, "Hi!"), Text(60, "Still there?"), Text(3600, "Last call")], ["ad-1"], false, onReply,
            onReply == WelcomeSequence.Branch ? [Text(0, "Thanks for replying")] : [], null);

    private WorkflowDecision Start(WelcomeSequence sequence) =>
        _workflow.Decide(new WorkflowContext("WelcomeSequence.x", 0, new JsonObject(), T0),
            new WorkflowTrigger.Start(WelcomeSequenceWorkflow.Input(Phone, WaId, sequence, "ad-1")));

    private WorkflowDecision Next(WorkflowDecision previous, WorkflowTrigger trigger, DateTimeOffset now, long step = 1) =>
        _workflow.Decide(new WorkflowContext("WelcomeSequence.x", step, previous.State, now), trigger);

    private static string Body(WorkflowEffect effect) => effect.Payload["message"]!["text"]!["body"]!.GetValue<string>();

    [Fact]
    public void A_first_step_without_delay_is_sent_at_the_start_to_the_contact_and_the_next_waits_for_its_delay_or_a_reply()
    {
        var started = Start(Sequence());

        var effect = Assert.Single(started.Effects);
        Assert.Equal(WelcomeSequenceWorkflow.SendMessage, effect.Kind);
        Assert.Equal("Hi!", Body(effect));
        Assert.Equal("+" + WaId, effect.Payload["message"]!["to"]!.GetValue<string>());
        Assert.Equal(Phone, effect.Payload["phoneNumberId"]!.GetValue<string>());
        var wait = Assert.IsType<WorkflowNext.Event>(started.Next);
        Assert.Equal(WelcomeSequenceWorkflow.ReplyKey(Phone, WaId), wait.CorrelationKey);
        Assert.Equal(T0.AddSeconds(60), wait.TimeoutAt);
    }

    [Fact]
    public void Timers_send_each_step_in_order_then_the_sequence_completes()
    {
        var state = Start(Sequence());
        var second = Next(state, new WorkflowTrigger.Timer(), T0.AddSeconds(60));
        Assert.Equal("Still there?", Body(Assert.Single(second.Effects)));
        Assert.Equal(T0.AddSeconds(60 + 3600), Assert.IsType<WorkflowNext.Event>(second.Next).TimeoutAt);

        var third = Next(second, new WorkflowTrigger.Timer(), T0.AddSeconds(3660), 2);
        Assert.Equal("Last call", Body(Assert.Single(third.Effects)));
        Assert.Equal("finished", Assert.IsType<WorkflowNext.Complete>(third.Next).Outcome);
        Assert.Equal(3, third.State["sent"]!.GetValue<long>());
    }

    [Fact]
    public void A_first_step_with_a_delay_waits_before_sending_anything()
    {
        var started = Start(Sequence(WelcomeSequence.Stop, Text(30, "Hello later")));
        Assert.Empty(started.Effects);
        Assert.Equal(T0.AddSeconds(30), Assert.IsType<WorkflowNext.Event>(started.Next).TimeoutAt);
    }

    [Fact]
    public void A_reply_stops_the_sequence_without_sending_more()
    {
        var replied = Next(Start(Sequence()), new WorkflowTrigger.Event(WelcomeSequenceWorkflow.ReplyEvent, null), T0.AddSeconds(5));
        Assert.Empty(replied.Effects);
        Assert.Equal("replied", Assert.IsType<WorkflowNext.Complete>(replied.Next).Outcome);
    }

    [Fact]
    public void A_reply_branches_to_the_reply_steps_which_no_longer_listen_for_replies()
    {
        var replied = Next(Start(Sequence(WelcomeSequence.Branch)), new WorkflowTrigger.Event(WelcomeSequenceWorkflow.ReplyEvent, null), T0.AddSeconds(5));
        Assert.Equal("Thanks for replying", Body(Assert.Single(replied.Effects)));
        Assert.IsType<WorkflowNext.Complete>(replied.Next);
    }

    [Fact]
    public void With_continue_a_reply_changes_nothing_and_the_waits_are_plain_timers()
    {
        var started = Start(Sequence(WelcomeSequence.Continue));
        Assert.IsType<WorkflowNext.Timer>(started.Next);
        var replied = Next(started, new WorkflowTrigger.Event(WelcomeSequenceWorkflow.ReplyEvent, null), T0.AddSeconds(5));
        Assert.Empty(replied.Effects);
        Assert.Equal(T0.AddSeconds(65), Assert.IsType<WorkflowNext.Timer>(replied.Next).At);
    }

    [Fact]
    public void Deciding_the_same_transition_twice_gives_the_same_effects_and_leaves_the_stored_state_alone()
    {
        var started = Start(Sequence());
        var before = started.State.ToJsonString();
        var a = Next(started, new WorkflowTrigger.Timer(), T0.AddSeconds(60));
        var b = Next(started, new WorkflowTrigger.Timer(), T0.AddSeconds(61));
        Assert.Equal(before, started.State.ToJsonString());
        Assert.Equal(a.Effects.Single().Payload.ToJsonString(), b.Effects.Single().Payload.ToJsonString());
    }

    [Fact]
    public void An_unknown_event_or_a_broken_state_is_a_state_error_not_a_crash()
    {
        var started = Start(Sequence());
        Assert.Throws<WorkflowStateException>(() => Next(started, new WorkflowTrigger.Event("payment", null), T0));
        Assert.Throws<WorkflowStateException>(() =>
            _workflow.Decide(new WorkflowContext("WelcomeSequence.x", 1, new JsonObject(), T0), new WorkflowTrigger.Timer()));
    }

    [Fact]
    public void Instance_ids_are_per_contact_and_sequence_and_name_their_type()
    {
        var id = WelcomeSequenceWorkflow.InstanceId(Phone, WaId, "spring");
        Assert.Equal(id, WelcomeSequenceWorkflow.InstanceId(Phone, WaId, "spring"));
        Assert.NotEqual(id, WelcomeSequenceWorkflow.InstanceId(Phone, WaId, "autumn"));
        Assert.True(WorkflowIds.TryParse(id, out var type, out _));
        Assert.Equal("WelcomeSequence", type);
        Assert.False(WorkflowIds.TryParse("no-dot", out _, out _));
        Assert.False(WorkflowIds.TryParse("Welcome.a/b", out _, out _));
        Assert.Equal(id + ":4", WorkflowIds.EffectId(id, 4, 0));
        Assert.Equal(id + ":4.1", WorkflowIds.EffectId(id, 4, 1));
    }

    [Fact]
    public void A_referral_picks_the_sequence_of_its_ad_else_the_default()
    {
        var ad = Sequence() with { Name = "ad", AdSourceIds = ["120200"] };
        var fallback = Sequence() with { Name = "default", AdSourceIds = [], IsDefault = true };
        Assert.Equal("ad", WelcomeSequence.Match([fallback, ad], "120200")!.Name);
        Assert.Equal("default", WelcomeSequence.Match([fallback, ad], "other")!.Name);
        Assert.Equal("default", WelcomeSequence.Match([fallback, ad], null)!.Name);
        Assert.Null(WelcomeSequence.Match([ad], "other"));
    }

    [Fact]
    public void A_template_step_becomes_a_send_template_effect_for_the_contact()
    {
        var template = new JsonObject { ["name"] = "spring_offer", ["language"] = "en_GB", ["values"] = new JsonObject { ["body"] = new JsonObject { ["code"] = "SPRING" } } };
        var started = Start(Sequence(WelcomeSequence.Stop, new WelcomeStep(0, null, template)));

        var effect = Assert.Single(started.Effects);
        Assert.Equal(WelcomeSequenceWorkflow.SendTemplate, effect.Kind);
        Assert.Equal("+" + WaId, effect.Payload["to"]!.GetValue<string>());
        Assert.Equal(template.ToJsonString(), effect.Payload["template"]!.ToJsonString());
    }
}
