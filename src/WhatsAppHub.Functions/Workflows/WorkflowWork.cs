using System.Text.Json;
using System.Text.Json.Nodes;

namespace WhatsAppHub.Functions.Workflows;

/// <summary>
/// A <c>workflows</c> queue message: wake instance <see cref="Id"/> at step <see cref="Step"/> for its start, its timer
/// (<see cref="Due"/>: a wait longer than the queue's 7-day visibility limit re-arms until then) or an event.
/// </summary>
public sealed record WorkflowWork(string Id, long Step, string Kind, DateTimeOffset? Due = null, string? EventName = null, JsonObject? Payload = null)
{
    public const string Start = "start";
    public const string Timer = "timer";
    public const string Event = "event";

    public string ToJson()
    {
        var json = new JsonObject { ["id"] = Id, ["step"] = Step, ["kind"] = Kind };
        if (Due is not null) json["due"] = Due.Value.ToString("O");
        if (EventName is not null) json["event"] = EventName;
        if (Payload is not null) json["payload"] = Payload.DeepClone();
        return json.ToJsonString();
    }

    public static WorkflowWork? TryParse(string text)
    {
        try
        {
            if (JsonNode.Parse(text) is not JsonObject json) return null;
            if (json["id"] is not JsonValue id || !id.TryGetValue<string>(out var idText)) return null;
            if (json["step"] is not JsonValue step || !step.TryGetValue<long>(out var stepNumber)) return null;
            if (json["kind"] is not JsonValue kind || !kind.TryGetValue<string>(out var kindText) || kindText is not (Start or Timer or Event)) return null;
            DateTimeOffset? due = json["due"] is JsonValue d && d.TryGetValue<string>(out var dueText) && DateTimeOffset.TryParse(dueText, out var parsed) ? parsed : null;
            var name = json["event"] is JsonValue e && e.TryGetValue<string>(out var eventName) ? eventName : null;
            if (kindText == Event && name is null) return null;
            return new WorkflowWork(idText, stepNumber, kindText, due, name, json["payload"] as JsonObject);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
