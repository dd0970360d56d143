using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>
/// Order status (§8.6): <c>action = { name: "review_order", parameters: { reference_id, order: { status,
/// description? } } }</c>; it updates the status shown on the order_details card with that reference id. The
/// status values are the payment ones (pending, captured, failed) and Meta's fulfilment ones.
/// </summary>
public sealed class OrderStatusRules : IInteractiveTypeRules
{
    /// <summary>Hub limit for the status description: Meta states none.</summary>
    public const int MaxDescriptionLength = 120;

    public static IReadOnlyList<string> Statuses { get; } =
        ["pending", "captured", "failed", "processing", "partially_shipped", "shipped", "completed", "canceled"];

    private static readonly HashSet<string> ActionMembers = ["name", "parameters"];
    private static readonly HashSet<string> ParameterMembers = ["reference_id", "order"];
    private static readonly HashSet<string> OrderMembers = ["status", "description"];

    public string Type => "order_status";

    /// <summary>The card it updates has the header; the status message itself is body and footer.</summary>
    public InteractiveParts Parts { get; } = new(Presence.Forbidden, HeaderKinds.None, Presence.Required, Presence.Optional);

    public void ValidateAction(JsonObject action, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(action, path, errors, ActionMembers);
        ActionRules.Name(action, path, errors, "review_order");
        if (JsonRules.Object(action, "parameters", path, errors, required: true) is not { } parameters) return;
        var p = JsonPath.Member(path, "parameters");
        JsonRules.OnlyKnownMembers(parameters, p, errors, ParameterMembers);
        OrderDetailsRules.ReferenceId(parameters, p, errors);
        if (JsonRules.Object(parameters, "order", p, errors, required: true) is not { } order) return;
        var o = JsonPath.Member(p, "order");
        JsonRules.OnlyKnownMembers(order, o, errors, OrderMembers);
        var status = JsonRules.String(order, "status", o, errors, required: true, minLength: 1);
        if (status is { Length: > 0 } && !Statuses.Contains(status))
            errors.Add(JsonPath.Member(o, "status"), "enum", $"'status' must be one of: {string.Join(", ", Statuses)}.");
        JsonRules.String(order, "description", o, errors, required: false, minLength: 1, maxLength: MaxDescriptionLength);
    }
}
