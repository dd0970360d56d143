using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging.Content;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging;

/// <summary>
/// Reads a send request in Cloud API shape (<c>to</c>, <c>type</c> and the member named by the type), plus the
/// hub's optional <c>phoneNumberId</c> naming the sending number, and checks it against Meta's rules.
/// Never throws for bad input: every problem becomes a <see cref="ValidationError"/> with its JSON path.
/// </summary>
public sealed class OutboundMessageReader
{
    /// <summary>The hub's own member naming the sender; it is not part of the Cloud API JSON sent to EUM.</summary>
    public const string SenderMember = "phoneNumberId";

    private readonly Dictionary<string, IMessageContentRules> _rulesByType;

    public OutboundMessageReader(IEnumerable<IMessageContentRules> rules) =>
        _rulesByType = rules.ToDictionary(r => r.Type, StringComparer.Ordinal);

    /// <summary>The reader for the message types this build supports.</summary>
    public static OutboundMessageReader Default { get; } = new(
    [
        new TextContentRules(),
        .. MediaContentRules.All,
        LocationContentRules.Instance,
        new ContactsContentRules(),
        new ReactionContentRules(),
        new TemplateContentRules(),
        new Interactive.InteractiveContentRules(),
    ]);

    public IEnumerable<string> SupportedTypes => _rulesByType.Keys.Order(StringComparer.Ordinal);

    public (OutboundMessage? Message, IReadOnlyList<ValidationError> Errors) Read(ReadOnlySpan<byte> utf8Json) => Read(utf8Json, null);

    /// <summary>Reads a body sent to a typed route: <c>type</c> may be left out there, and must match when given.</summary>
    public (OutboundMessage? Message, IReadOnlyList<ValidationError> Errors) Read(ReadOnlySpan<byte> utf8Json, OutboundRoute? route)
    {
        var errors = new ValidationErrors();
        var body = JsonBody.ParseObject(utf8Json, errors);
        if (body is null) return (null, errors.All);
        if (route is not null)
        {
            if (body["type"] is null) body["type"] = route.Type;
            else if (body["type"] is JsonValue v && v.TryGetValue<string>(out var given) && given != route.Type)
                errors.Add(JsonPath.Member(JsonPath.Root, "type"), "enum", $"This route sends '{route.Type}' messages; 'type' must be \"{route.Type}\" or left out.");
            if (route.InteractiveType is not null) Interactive.InteractiveContentRules.ApplyRoute(body, route.InteractiveType, errors);
        }
        var message = Read(body, errors);
        return errors.IsEmpty ? (message, errors.All) : (null, errors.All);
    }

    private OutboundMessage? Read(JsonObject body, ValidationErrors errors)
    {
        const string root = JsonPath.Root;
        var product = JsonRules.String(body, "messaging_product", root, errors, required: false);
        if (product is not null && product != "whatsapp")
            errors.Add(JsonPath.Member(root, "messaging_product"), "enum", "'messaging_product' must be \"whatsapp\".");

        var recipientType = RecipientRules.ReadType(body, root, errors);
        var to = RecipientRules.ReadTo(body, root, recipientType, errors);
        EnvelopeRules.Validate(body, root, errors);

        var sender = JsonRules.String(body, SenderMember, root, errors, required: false);
        if (sender is not null && !PhoneNumberId.IsValid(sender))
            errors.Add(JsonPath.Member(root, SenderMember), "pattern",
                $"'{SenderMember}' must be an EUM phone number id ('phone-number-id-…') or its ARN, at most {PhoneNumberId.MaxLength} characters.");

        var type = JsonRules.String(body, "type", root, errors, required: true, minLength: 1);
        IMessageContentRules? rules = null;
        if (type is not null && !_rulesByType.TryGetValue(type, out rules))
            errors.Add(JsonPath.Member(root, "type"), "enum", $"'type' must be one of: {string.Join(", ", SupportedTypes)}.");
        if (type is not null && recipientType == RecipientRules.Group) RecipientRules.CheckGroupType(type, root, errors);

        var allowed = new HashSet<string>(EnvelopeRules.Members, StringComparer.Ordinal) { "messaging_product", "recipient_type", "to", "type", SenderMember };
        if (rules is not null)
        {
            allowed.Add(rules.Type);
            rules.ValidateMember(body, root, errors);
        }
        JsonRules.OnlyKnownMembers(body, root, errors, allowed);
        if (!errors.IsEmpty) return null;

        var cloudApi = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["recipient_type"] = recipientType,
            ["to"] = to,
            ["type"] = type,
            [type!] = body[type!]!.DeepClone(),
        };
        EnvelopeRules.CopyTo(body, cloudApi);
        return new OutboundMessage(to!, type!, sender, cloudApi);
    }
}
