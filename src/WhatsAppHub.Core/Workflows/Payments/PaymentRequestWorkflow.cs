using System.Globalization;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Payments;

namespace WhatsAppHub.Core.Workflows.Payments;

/// <summary>
/// The <c>PaymentRequest</c> workflow (Payments India, §8.6): sends the order_details card, then waits for the payment
/// status (correlation key <see cref="PaymentKey"/>, signalled by the payment status webhook and by gateway callbacks)
/// with the expiry as its time-out.
/// <list type="bullet">
/// <item>captured → an order_status "captured" confirmation; the PAYMENT is captured.</item>
/// <item>failed → the failed card is marked failed and a new order_details goes out under the next reference
/// (<c>{referenceId}-2</c>, …), waiting again, up to <c>maxAttempts</c>; then the PAYMENT is failed.</item>
/// <item>no answer by the expiry → a reminder; no answer by the end of the reminder period → the card is canceled
/// (order_status "canceled") and the PAYMENT expired. A payment captured after the reminder still counts.</item>
/// <item>pending → noted; the wait goes on to the same deadline.</item>
/// </list>
/// State: the input (<c>paymentId</c>, <c>phoneNumberId</c>, <c>to</c>, <c>referenceId</c>, <c>total</c>,
/// <c>maxAttempts</c>, <c>expiresInSeconds</c>, <c>reminderSeconds</c>, <c>order</c>: the first order_details message)
/// and <c>attempt</c>, <c>reference</c> (the card now open), <c>phase</c> (awaiting or reminded), <c>deadline</c>.
/// </summary>
public sealed class PaymentRequestWorkflow : IWorkflowDefinition
{
    public const string TypeName = "PaymentRequest";
    public const string SendMessage = "send-message";
    public const string UpdatePayment = "update-payment";
    public const string PaymentEvent = "payment";

    private const string Awaiting = "awaiting";
    private const string Reminded = "reminded";

    public string Type => TypeName;

    /// <summary>Where a payment's statuses are signalled, whichever of its references they name.</summary>
    public static string PaymentKey(string paymentId) => $"payment|{paymentId}";

    /// <summary>One instance per payment.</summary>
    public static string InstanceId(string paymentId) => WorkflowIds.Deterministic(TypeName, paymentId);

    /// <summary>What the starter stores: the payment's facts and its first order_details message.</summary>
    public static JsonObject Input(string paymentId, PaymentRequest request, JsonObject orderDetails) => new()
    {
        ["paymentId"] = paymentId,
        ["phoneNumberId"] = request.PhoneNumberId,
        ["to"] = request.To,
        ["referenceId"] = request.ReferenceId,
        ["total"] = request.Total,
        ["maxAttempts"] = request.MaxAttempts,
        ["expiresInSeconds"] = request.ExpiresInSeconds,
        ["reminderSeconds"] = request.ReminderSeconds,
        ["order"] = orderDetails,
    };

    /// <summary>The event a payment status becomes: its status, the reference it names, and the gateway's details.</summary>
    public static JsonObject EventPayload(string status, string? referenceId, string? transactionId, long? amount, string? errorReason, string source) => new()
    {
        ["status"] = status,
        ["referenceId"] = referenceId,
        ["transactionId"] = transactionId,
        ["amount"] = amount,
        ["errorReason"] = errorReason,
        ["source"] = source,
    };

    public WorkflowDecision Decide(WorkflowContext context, WorkflowTrigger trigger)
    {
        var state = context.State.DeepClone().AsObject();
        switch (trigger)
        {
            case WorkflowTrigger.Start start:
            {
                state = start.Input.DeepClone().AsObject();
                var reference = Text(state, "referenceId");
                state["attempt"] = 1L;
                state["reference"] = reference;
                return AskToPay(state, context.Now, [], (JsonObject)Node(state, "order").DeepClone(), "order_details sent");
            }
            case WorkflowTrigger.Event { EventName: PaymentEvent } payment:
                return OnPayment(state, payment.Payload ?? [], context.Now);
            case WorkflowTrigger.Event other:
                throw new WorkflowStateException($"A payment request takes no '{other.EventName}' event.");
            case WorkflowTrigger.Timer:
                return Text(state, "phase") == Awaiting ? Remind(state, context.Now) : Expire(state);
            default:
                throw new WorkflowStateException($"Unknown trigger {trigger.Name}.");
        }
    }

    private static WorkflowDecision OnPayment(JsonObject state, JsonObject payload, DateTimeOffset now)
    {
        var status = Optional(payload, "status");
        var named = Optional(payload, "referenceId");
        var reference = Text(state, "reference");
        var to = Text(state, "to");
        switch (status)
        {
            case PaymentStatuses.Captured:
            {
                // Money received on any of the order's cards settles it, even one a retry replaced.
                var paid = named ?? reference;
                var confirmation = PaymentOrder.OrderStatus(to, paid, "captured",
                    $"Payment of {PaymentOrder.Rupees(Whole(state, "total"))} received. Thank you!", "Payment received");
                return new WorkflowDecision(state, [Send(state, confirmation), Update(state, PaymentStatuses.Captured, paid, payload)],
                    new WorkflowNext.Complete(PaymentStatuses.Captured), $"captured on {paid}");
            }
            case PaymentStatuses.Failed when named is not null && named != reference:
                return Keep(state, $"failure of the replaced card {named} ignored");
            case PaymentStatuses.Failed:
            {
                var reason = Optional(payload, "errorReason") ?? "the payment did not go through";
                var attempt = (int)Whole(state, "attempt");
                var failedCard = PaymentOrder.OrderStatus(to, reference, "failed", $"Payment failed: {reason}.", "Payment failed");
                if (attempt >= Whole(state, "maxAttempts"))
                    return new WorkflowDecision(state, [Send(state, failedCard), Update(state, PaymentStatuses.Failed, reference, payload)],
                        new WorkflowNext.Complete(PaymentStatuses.Failed), $"failed on {reference}; no attempts left");

                var next = PaymentOrder.ReferenceFor(Text(state, "referenceId"), attempt + 1);
                state["attempt"] = (long)attempt + 1;
                state["reference"] = next;
                var retry = (JsonObject)Node(state, "order").DeepClone();
                retry["interactive"]!["action"]!["parameters"]!["reference_id"] = next;
                var body = $"Your payment did not go through ({reason}). Please try again.";
                retry["interactive"]!["body"] = new JsonObject { ["text"] = body.Length <= 1024 ? body : body[..1023] + "…" };
                return AskToPay(state, now, [Send(state, failedCard)], retry, $"failed on {reference}; retry {attempt + 1} sent as {next}", payload);
            }
            default:
                return Keep(state, $"payment {status ?? "status"} noted");
        }
    }

    /// <summary>Sends an order_details card (after <paramref name="before"/>) and waits for its payment until the expiry.</summary>
    private static WorkflowDecision AskToPay(JsonObject state, DateTimeOffset now, List<WorkflowEffect> before, JsonObject orderDetails, string note,
        JsonObject? payload = null)
    {
        var deadline = now.AddSeconds(Whole(state, "expiresInSeconds"));
        state["phase"] = Awaiting;
        state["deadline"] = deadline.ToString("O", CultureInfo.InvariantCulture);
        List<WorkflowEffect> effects = [.. before, Send(state, orderDetails), Update(state, PaymentStatuses.Pending, Text(state, "reference"), payload)];
        return new WorkflowDecision(state, effects, new WorkflowNext.Event(PaymentKey(Text(state, "paymentId")), deadline), note);
    }

    private static WorkflowDecision Remind(JsonObject state, DateTimeOffset now)
    {
        var reminder = PaymentOrder.Text(Text(state, "to"),
            $"Reminder: your order {Text(state, "referenceId")} for {PaymentOrder.Rupees(Whole(state, "total"))} is still waiting for payment. " +
            $"It will be cancelled in {Duration(Whole(state, "reminderSeconds"))} if it is not paid.");
        var deadline = now.AddSeconds(Whole(state, "reminderSeconds"));
        state["phase"] = Reminded;
        state["deadline"] = deadline.ToString("O", CultureInfo.InvariantCulture);
        return new WorkflowDecision(state, [Send(state, reminder)], new WorkflowNext.Event(PaymentKey(Text(state, "paymentId")), deadline), "expired: reminder sent");
    }

    private static WorkflowDecision Expire(JsonObject state)
    {
        var reference = Text(state, "reference");
        var cancel = PaymentOrder.OrderStatus(Text(state, "to"), reference, "canceled",
            "Your order was cancelled because the payment did not arrive in time.", "Not paid in time");
        return new WorkflowDecision(state, [Send(state, cancel), Update(state, PaymentStatuses.Expired, reference, null)],
            new WorkflowNext.Complete(PaymentStatuses.Expired), "not paid after the reminder: cancelled");
    }

    /// <summary>"45 seconds", "15 minutes", "2 hours": the reminder's wait as a person reads it (rounded up).</summary>
    private static string Duration(long seconds)
    {
        var (count, unit) = seconds < 60 ? (seconds, "second") : seconds < 3600 ? ((seconds + 59) / 60, "minute") : ((seconds + 3599) / 3600, "hour");
        return $"{count} {unit}{(count == 1 ? "" : "s")}";
    }

    /// <summary>Nothing to do; the wait goes on to the deadline already set.</summary>
    private static WorkflowDecision Keep(JsonObject state, string note)
    {
        var deadline = DateTimeOffset.Parse(Text(state, "deadline"), CultureInfo.InvariantCulture);
        return new WorkflowDecision(state, [], new WorkflowNext.Event(PaymentKey(Text(state, "paymentId")), deadline), note);
    }

    private static WorkflowEffect Send(JsonObject state, JsonObject message) => new(SendMessage, new JsonObject
    {
        ["phoneNumberId"] = state["phoneNumberId"]?.DeepClone(),
        ["message"] = message,
    });

    private static WorkflowEffect Update(JsonObject state, string status, string reference, JsonObject? payload) => new(UpdatePayment, new JsonObject
    {
        ["paymentId"] = Text(state, "paymentId"),
        ["status"] = status,
        ["referenceId"] = reference,
        ["attempt"] = Whole(state, "attempt"),
        ["event"] = payload?.DeepClone(),
    });

    private static JsonNode Node(JsonObject state, string name) =>
        state[name] ?? throw new WorkflowStateException($"The state has no '{name}'.");

    /// <summary>A number read back from storage is a long; one set in this transition may still be an int.</summary>
    private static long Whole(JsonObject state, string name) => state[name] switch
    {
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        _ => throw new WorkflowStateException($"The state's '{name}' is not a whole number."),
    };

    private static string Text(JsonObject state, string name) =>
        Optional(state, name) ?? throw new WorkflowStateException($"The state has no '{name}'.");

    private static string? Optional(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
