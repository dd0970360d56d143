using System.Text;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Payments;
using WhatsAppHub.Core.Workflows;
using WhatsAppHub.Core.Workflows.Payments;

namespace WhatsAppHub.Core.Tests.Workflows;

/// <summary>The PaymentRequest machine: order_details, then captured, failed (with retries) or expired (reminder, cancel).</summary>
public class PaymentRequestWorkflowTests
{
    private const string PaymentId = "pay-1";
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly PaymentRequestWorkflow _workflow = new();

    private static readonly PaymentRequest Request = new("+919800000001", null, "main-razorpay", "BM345A", "digital-goods",
        [new PaymentItem("PLAN-GOLD", "Gold plan", 50000, null, 1)], 50000, 9000, null, null, 59000, "Please pay for order BM345A.", null, null,
        ExpiresInSeconds: 600, ReminderSeconds: 120, MaxAttempts: 2);

    private WorkflowDecision Start() =>
        _workflow.Decide(new WorkflowContext("PaymentRequest.x", 0, [], T0), new WorkflowTrigger.Start(
            PaymentRequestWorkflow.Input(PaymentId, Request, PaymentOrder.OrderDetails(Request, "razorpay", Request.ReferenceId, Request.Body))));

    private WorkflowDecision Next(WorkflowDecision previous, WorkflowTrigger trigger, DateTimeOffset now) =>
        _workflow.Decide(new WorkflowContext("PaymentRequest.x", 1, previous.State, now), trigger);

    private static WorkflowTrigger Payment(string status, string? reference = null, string? reason = null) =>
        new WorkflowTrigger.Event(PaymentRequestWorkflow.PaymentEvent, PaymentRequestWorkflow.EventPayload(status, reference, "pay_1", 59000, reason, "webhook"));

    private static JsonObject Sent(WorkflowEffect effect)
    {
        Assert.Equal(PaymentRequestWorkflow.SendMessage, effect.Kind);
        var message = effect.Payload["message"]!.AsObject();
        // Whatever the machine sends must pass the hub's own send rules.
        var (_, errors) = OutboundMessageReader.Default.Read(Encoding.UTF8.GetBytes(message.ToJsonString()));
        Assert.True(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Rule} at {e.Path}: {e.Message}")));
        return message;
    }

    private static (string Type, string? Reference, string? Status) Card(WorkflowEffect effect)
    {
        var message = Sent(effect);
        var interactive = message["interactive"];
        return (interactive?["type"]?.GetValue<string>() ?? message["type"]!.GetValue<string>(),
            interactive?["action"]!["parameters"]!["reference_id"]!.GetValue<string>(),
            interactive?["action"]!["parameters"]!["order"]!["status"]!.GetValue<string>());
    }

    private static string Updated(WorkflowEffect effect)
    {
        Assert.Equal(PaymentRequestWorkflow.UpdatePayment, effect.Kind);
        return effect.Payload["status"]!.GetValue<string>();
    }

    [Fact]
    public void The_start_sends_the_order_and_waits_for_its_payment_until_the_expiry()
    {
        var started = Start();

        Assert.Equal(("order_details", "BM345A", "pending"), Card(started.Effects[0]));
        Assert.Equal(PaymentStatuses.Pending, Updated(started.Effects[1]));
        var wait = Assert.IsType<WorkflowNext.Event>(started.Next);
        Assert.Equal((PaymentRequestWorkflow.PaymentKey(PaymentId), T0.AddSeconds(600)), (wait.CorrelationKey, wait.TimeoutAt));
    }

    [Fact]
    public void Captured_confirms_with_order_status_and_completes()
    {
        var captured = Next(Start(), Payment("captured", "BM345A"), T0.AddSeconds(30));

        Assert.Equal(("order_status", "BM345A", "captured"), Card(captured.Effects[0]));
        Assert.Contains("₹590.00", Sent(captured.Effects[0])["interactive"]!["body"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(PaymentStatuses.Captured, Updated(captured.Effects[1]));
        Assert.Equal(PaymentStatuses.Captured, Assert.IsType<WorkflowNext.Complete>(captured.Next).Outcome);
    }

    [Fact]
    public void Failed_marks_the_card_and_sends_a_retry_under_the_next_reference_until_the_attempts_run_out()
    {
        var failed = Next(Start(), Payment("failed", "BM345A", "Card declined"), T0.AddSeconds(30));

        Assert.Equal(("order_status", "BM345A", "failed"), Card(failed.Effects[0]));
        Assert.Equal(("order_details", "BM345A-2", "pending"), Card(failed.Effects[1]));
        Assert.Contains("Card declined", Sent(failed.Effects[1])["interactive"]!["body"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(PaymentStatuses.Pending, Updated(failed.Effects[2]));
        Assert.Equal(T0.AddSeconds(630), Assert.IsType<WorkflowNext.Event>(failed.Next).TimeoutAt);

        // A late failure of the replaced card changes nothing; the second card's failure is the last attempt.
        var stale = Next(failed, Payment("failed", "BM345A"), T0.AddSeconds(40));
        Assert.Empty(stale.Effects);
        Assert.Equal(T0.AddSeconds(630), Assert.IsType<WorkflowNext.Event>(stale.Next).TimeoutAt);
        var out_ = Next(stale, Payment("failed", "BM345A-2"), T0.AddSeconds(50));
        Assert.Equal(("order_status", "BM345A-2", "failed"), Card(out_.Effects[0]));
        Assert.Equal(PaymentStatuses.Failed, Updated(out_.Effects[1]));
        Assert.Equal(PaymentStatuses.Failed, Assert.IsType<WorkflowNext.Complete>(out_.Next).Outcome);
    }

    [Fact]
    public void No_payment_by_the_expiry_sends_a_reminder_then_cancels_the_card()
    {
        var reminded = Next(Start(), new WorkflowTrigger.Timer(), T0.AddSeconds(600));
        var reminder = Sent(Assert.Single(reminded.Effects));
        Assert.Equal("text", reminder["type"]!.GetValue<string>());
        Assert.Contains("BM345A", reminder["text"]!["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("cancelled in 2 minutes", reminder["text"]!["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(T0.AddSeconds(720), Assert.IsType<WorkflowNext.Event>(reminded.Next).TimeoutAt);

        var expired = Next(reminded, new WorkflowTrigger.Timer(), T0.AddSeconds(720));
        Assert.Equal(("order_status", "BM345A", "canceled"), Card(expired.Effects[0]));
        Assert.Equal(PaymentStatuses.Expired, Updated(expired.Effects[1]));
        Assert.Equal(PaymentStatuses.Expired, Assert.IsType<WorkflowNext.Complete>(expired.Next).Outcome);
    }

    [Fact]
    public void A_payment_captured_after_the_reminder_still_counts_and_pending_keeps_the_deadline()
    {
        var reminded = Next(Start(), new WorkflowTrigger.Timer(), T0.AddSeconds(600));
        var pending = Next(reminded, Payment("pending"), T0.AddSeconds(650));
        Assert.Empty(pending.Effects);
        Assert.Equal(T0.AddSeconds(720), Assert.IsType<WorkflowNext.Event>(pending.Next).TimeoutAt);

        var captured = Next(pending, Payment("captured"), T0.AddSeconds(700));
        Assert.Equal(("order_status", "BM345A", "captured"), Card(captured.Effects[0]));
        Assert.IsType<WorkflowNext.Complete>(captured.Next);
    }

    [Fact]
    public void Deciding_the_same_step_twice_gives_the_same_effects()
    {
        var first = Next(Start(), Payment("failed", "BM345A", "declined"), T0.AddSeconds(30));
        var again = Next(Start(), Payment("failed", "BM345A", "declined"), T0.AddSeconds(30));
        Assert.Equal(first.Effects.Select(e => e.Payload.ToJsonString()), again.Effects.Select(e => e.Payload.ToJsonString()));
    }
}
