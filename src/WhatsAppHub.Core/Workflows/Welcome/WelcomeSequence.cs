using System.Text.Json.Nodes;

namespace WhatsAppHub.Core.Workflows.Welcome;

/// <summary>
/// A WELCOME_SEQUENCE: the messages a contact who came from a Click-to-WhatsApp ad gets, each after its delay, until they
/// reply. Matched per ad by the referral's <c>source_id</c> (<see cref="AdSourceIds"/>), else the account's default.
/// </summary>
/// <param name="OnReply">What the contact's reply does: <c>stop</c> the sequence, <c>branch</c> to <see cref="ReplySteps"/>, or <c>continue</c>.</param>
public sealed record WelcomeSequence(
    string Name,
    IReadOnlyList<WelcomeStep> Steps,
    IReadOnlyList<string> AdSourceIds,
    bool IsDefault,
    string OnReply,
    IReadOnlyList<WelcomeStep> ReplySteps,
    string? Description)
{
    public const string Stop = "stop";
    public const string Branch = "branch";
    public const string Continue = "continue";

    public static IReadOnlyList<string> ReplyActions { get; } = [Stop, Branch, Continue];

    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["steps"] = new JsonArray(Steps.Select(s => (JsonNode)s.ToJson()).ToArray()),
        ["adSourceIds"] = new JsonArray(AdSourceIds.Select(id => (JsonNode)JsonValue.Create(id)).ToArray()),
        ["isDefault"] = IsDefault,
        ["onReply"] = OnReply,
        ["replySteps"] = new JsonArray(ReplySteps.Select(s => (JsonNode)s.ToJson()).ToArray()),
        ["description"] = Description,
    };

    /// <summary>The sequence for a referral: the one naming its ad, else the default; null when neither exists.</summary>
    public static WelcomeSequence? Match(IEnumerable<WelcomeSequence> sequences, string? adSourceId)
    {
        var all = sequences.ToList();
        return (adSourceId is null ? null : all.FirstOrDefault(s => s.AdSourceIds.Contains(adSourceId, StringComparer.Ordinal)))
               ?? all.FirstOrDefault(s => s.IsDefault);
    }
}

/// <summary>One message of a sequence, sent <see cref="DelaySeconds"/> after the previous one (or the start).</summary>
/// <param name="Message">A Cloud API message as <c>/api/messages</c> takes it, without <c>to</c> (the contact); or null when
/// <paramref name="Template"/> is given.</param>
/// <param name="Template">A stored template to send: <c>{name, language, values?}</c>, values as <c>/api/templates/{name}/send</c> takes them.</param>
public sealed record WelcomeStep(long DelaySeconds, JsonObject? Message, JsonObject? Template = null)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["delaySeconds"] = DelaySeconds };
        if (Message is not null) json["message"] = Message.DeepClone();
        if (Template is not null) json["template"] = Template.DeepClone();
        return json;
    }

    public static WelcomeStep From(JsonObject json) =>
        new(json["delaySeconds"] is JsonValue d && d.TryGetValue<long>(out var l) ? l : json["delaySeconds"]!.GetValue<int>(),
            json["message"] is JsonObject message ? message.DeepClone().AsObject() : null,
            json["template"] is JsonObject template ? template.DeepClone().AsObject() : null);
}
