using System.Text;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Workflows.Welcome;

/// <summary>
/// Reads and checks a welcome sequence body: <c>{name?, steps, adSourceIds?, isDefault?, onReply?, replySteps?,
/// description?}</c>. Each step is <c>{delaySeconds, message}</c>, the message checked by the same reader as
/// <c>/api/messages</c> (with the contact as <c>to</c>). Every broken rule is named by its JSON path.
/// </summary>
public static class WelcomeSequenceRules
{
    public const int MaxNameLength = 64;
    public const int MaxSteps = 20;
    public const int MaxAdSourceIds = 100;
    public const int MaxAdSourceIdLength = 128;
    public const int MaxDescriptionLength = 500;

    /// <summary>30 days: longer waits than the queue's 7-day visibility limit re-arm themselves, so any is possible; a month is plenty for a welcome.</summary>
    public const long MaxDelaySeconds = 30L * 24 * 3600;

    /// <summary>Stands in for the contact while a step's message is checked.</summary>
    private const string PlaceholderTo = "+15550000000";

    private static readonly HashSet<string> Members = ["name", "steps", "adSourceIds", "isDefault", "onReply", "replySteps", "description"];
    private static readonly HashSet<string> StepMembers = ["delaySeconds", "message", "template"];
    private static readonly HashSet<string> TemplateMembers = ["name", "language", "values"];

    /// <param name="routeName">The name in the route (PUT): the body may repeat it, never contradict it.</param>
    public static (WelcomeSequence? Sequence, IReadOnlyList<ValidationError> Errors) Read(ReadOnlySpan<byte> utf8Json, string? routeName)
    {
        var errors = new ValidationErrors();
        var json = JsonBody.ParseObject(utf8Json, errors);
        if (json is null) return (null, errors.All);
        const string root = JsonPath.Root;

        JsonRules.OnlyKnownMembers(json, root, errors, Members);
        var name = JsonRules.String(json, "name", root, errors, required: routeName is null, minLength: 1, maxLength: MaxNameLength);
        if (name is not null && !IsName(name))
            errors.Add("$.name", "pattern", "'name' must be 1-64 letters, digits, '-' or '_'.");
        else if (name is not null && routeName is not null && name != routeName)
            errors.Add("$.name", "const", $"'name' must be the name in the route ('{routeName}') or left out.");
        if (routeName is not null && !IsName(routeName))
            errors.Add("route.name", "pattern", "The name must be 1-64 letters, digits, '-' or '_'.");

        var steps = Steps(json, "steps", required: true, errors);
        var adSourceIds = AdSourceIds(json, errors);
        var isDefault = JsonRules.Boolean(json, "isDefault", root, errors) ?? false;
        var onReply = JsonRules.String(json, "onReply", root, errors, required: false) ?? WelcomeSequence.Stop;
        if (!WelcomeSequence.ReplyActions.Contains(onReply))
            errors.Add("$.onReply", "enum", "'onReply' must be one of: " + string.Join(", ", WelcomeSequence.ReplyActions) + ".");
        var replySteps = Steps(json, "replySteps", required: onReply == WelcomeSequence.Branch, errors);
        if (onReply != WelcomeSequence.Branch && json.ContainsKey("replySteps"))
            errors.Add("$.replySteps", "dependentRequired", "'replySteps' are only taken with \"onReply\": \"branch\".");
        var description = JsonRules.String(json, "description", root, errors, required: false, maxLength: MaxDescriptionLength);
        if (adSourceIds.Count == 0 && !isDefault && !errors.All.Any(e => e.Path == "$.adSourceIds"))
            errors.Add("$.adSourceIds", "required", "Name at least one ad (its referral source_id) in 'adSourceIds', or set 'isDefault': nothing would start the sequence otherwise.");

        return errors.IsEmpty
            ? (new WelcomeSequence(name ?? routeName!, steps, adSourceIds, isDefault, onReply, replySteps, description), errors.All)
            : (null, errors.All);
    }

    public static bool IsName(string name) =>
        name.Length is >= 1 and <= MaxNameLength && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static List<WelcomeStep> Steps(JsonObject json, string member, bool required, ValidationErrors errors)
    {
        var steps = new List<WelcomeStep>();
        var array = JsonRules.Array(json, member, JsonPath.Root, errors, required, minCount: 1, maxCount: MaxSteps);
        if (array is null) return steps;
        foreach (var (item, path) in JsonRules.Objects(array, JsonPath.Member(JsonPath.Root, member), errors))
        {
            JsonRules.OnlyKnownMembers(item, path, errors, StepMembers);
            var delay = JsonRules.Integer(item, "delaySeconds", path, errors, required: true, min: 0, max: MaxDelaySeconds);
            if (item.ContainsKey("message") == item.ContainsKey("template"))
            {
                errors.Add(path, "oneOf", "A step has either a 'message' or a 'template' (a stored template with its values).");
                continue;
            }
            if (item.ContainsKey("template"))
            {
                if (JsonRules.Object(item, "template", path, errors, required: true) is { } template && Template(template, JsonPath.Member(path, "template"), errors)
                    && delay is not null)
                    steps.Add(new WelcomeStep(delay.Value, null, template.DeepClone().AsObject()));
                continue;
            }
            var message = JsonRules.Object(item, "message", path, errors, required: true);
            if (message is null) continue;
            if (Message(message, JsonPath.Member(path, "message"), errors) is { } checkedMessage && delay is not null)
                steps.Add(new WelcomeStep(delay.Value, checkedMessage));
        }
        return steps;
    }

    /// <summary>The message as stored (no <c>to</c>), or null with its errors re-rooted under <paramref name="path"/>.</summary>
    private static JsonObject? Message(JsonObject message, string path, ValidationErrors errors)
    {
        var ok = true;
        foreach (var fixedMember in (string[])["to", "recipient_type", OutboundMessageReader.SenderMember])
        {
            if (!message.ContainsKey(fixedMember)) continue;
            errors.Add(JsonPath.Member(path, fixedMember), "unknownMember",
                $"'{fixedMember}' is set by the hub: a welcome goes to the contact who clicked, from the number they wrote to.");
            ok = false;
        }
        if (!ok) return null;
        var withContact = message.DeepClone().AsObject();
        withContact["to"] = PlaceholderTo;
        var (read, readErrors) = OutboundMessageReader.Default.Read(Encoding.UTF8.GetBytes(withContact.ToJsonString()));
        foreach (var error in readErrors)
            errors.Add(path + error.Path.TrimStart('$'), error.Rule, error.Message);
        return read is null ? null : message.DeepClone().AsObject();
    }

    /// <summary>
    /// The shape of a template step; whether the account has the template and its values bind is checked where the
    /// templates are (the route), and again at each send.
    /// </summary>
    private static bool Template(JsonObject template, string path, ValidationErrors errors)
    {
        var before = errors.All.Count;
        JsonRules.OnlyKnownMembers(template, path, errors, TemplateMembers);
        JsonRules.String(template, "name", path, errors, required: true, minLength: 1, maxLength: 512);
        JsonRules.String(template, "language", path, errors, required: true, minLength: 1, maxLength: 16);
        if (template["values"] is { } values && values is not (JsonObject or JsonArray))
            errors.Add(JsonPath.Member(path, "values"), "type", "'values' must be an object (by name) or an array (by position).");
        return errors.All.Count == before;
    }

    private static List<string> AdSourceIds(JsonObject json, ValidationErrors errors)
    {
        var ids = new List<string>();
        var array = JsonRules.Array(json, "adSourceIds", JsonPath.Root, errors, required: false, maxCount: MaxAdSourceIds);
        if (array is null) return ids;
        for (var i = 0; i < array.Count; i++)
        {
            var path = JsonPath.Index("$.adSourceIds", i);
            if (array[i] is not JsonValue value || !value.TryGetValue<string>(out var id) || id.Length is < 1 or > MaxAdSourceIdLength)
                errors.Add(path, "type", $"Each ad source id must be a string of 1-{MaxAdSourceIdLength} characters.");
            else if (ids.Contains(id, StringComparer.Ordinal))
                errors.Add(path, "unique", $"'{id}' is listed twice.");
            else
                ids.Add(id);
        }
        return ids;
    }
}
