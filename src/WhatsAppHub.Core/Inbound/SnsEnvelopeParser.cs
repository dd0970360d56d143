using System.Text.Json;

namespace WhatsAppHub.Core.Inbound;

/// <summary>The outcome of <see cref="SnsEnvelopeParser.Parse"/>: an envelope, or the fields that are missing or malformed.</summary>
public sealed record SnsParseResult(SnsEnvelope? Envelope, IReadOnlyList<SnsFieldProblem> Problems)
{
    public bool IsValid => Envelope is not null;
}

/// <summary>One broken field: its name (or <c>$</c> for the body itself) and why.</summary>
public sealed record SnsFieldProblem(string Field, string Message);

/// <summary>
/// Reads an SNS HTTP(S) body. Every field is checked (all values are JSON strings; each type's required fields are
/// present; a name is never repeated, so the text that was signed and the text that is read cannot differ); no input
/// throws.
/// </summary>
public static class SnsEnvelopeParser
{
    private static readonly string[] Common = ["Type", "MessageId", "TopicArn", "Message", "Timestamp", "SignatureVersion", "Signature", "SigningCertURL"];
    private static readonly string[] Confirmation = ["SubscribeURL", "Token"];

    public static SnsParseResult Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
            return Read(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            return Fail("$", "The body is not a JSON object in UTF-8: " + e.Message);
        }
    }

    private static SnsParseResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return Fail("$", "The body must be a JSON object.");

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<SnsFieldProblem>();
        foreach (var property in root.EnumerateObject())
        {
            if (values.ContainsKey(property.Name) || problems.Any(p => p.Field == property.Name))
            {
                problems.Add(new(property.Name, $"'{property.Name}' appears more than once."));
                continue;
            }
            if (property.Value.ValueKind == JsonValueKind.String) values[property.Name] = property.Value.GetString()!;
            else if (Common.Contains(property.Name) || Confirmation.Contains(property.Name) || property.Name is "Subject" or "UnsubscribeURL")
                problems.Add(new(property.Name, $"'{property.Name}' must be a string."));
        }

        foreach (var name in Common)
            if (!values.ContainsKey(name) && problems.All(p => p.Field != name))
                problems.Add(new(name, $"'{name}' is required."));

        values.TryGetValue("Type", out var type);
        if (type is not null and not (SnsEnvelope.Notification or SnsEnvelope.SubscriptionConfirmation or SnsEnvelope.UnsubscribeConfirmation))
            problems.Add(new("Type", "'Type' must be Notification, SubscriptionConfirmation or UnsubscribeConfirmation."));
        if (type is SnsEnvelope.SubscriptionConfirmation or SnsEnvelope.UnsubscribeConfirmation)
            foreach (var name in Confirmation)
                if (!values.ContainsKey(name) && problems.All(p => p.Field != name))
                    problems.Add(new(name, $"'{name}' is required on a {type}."));

        var version = 0;
        if (values.TryGetValue("SignatureVersion", out var versionText))
        {
            version = versionText switch { "1" => 1, "2" => 2, _ => 0 };
            if (version == 0) problems.Add(new("SignatureVersion", "'SignatureVersion' must be \"1\" or \"2\"."));
        }
        foreach (var name in new[] { "MessageId", "TopicArn", "Signature", "SigningCertURL" })
            if (values.TryGetValue(name, out var value) && value.Length == 0)
                problems.Add(new(name, $"'{name}' must not be empty."));
        if (values.TryGetValue("MessageId", out var messageId) && (messageId.Length > 200 || messageId.Any(char.IsControl)))
            problems.Add(new("MessageId", "'MessageId' must be at most 200 characters without control characters."));

        if (problems.Count > 0) return new SnsParseResult(null, problems);
        return new SnsParseResult(new SnsEnvelope(type!, values["MessageId"], values["TopicArn"], values["Message"], values["Timestamp"],
            version, values["Signature"], values["SigningCertURL"])
        {
            Subject = type == SnsEnvelope.Notification ? values.GetValueOrDefault("Subject") : null,
            SubscribeUrl = values.GetValueOrDefault("SubscribeURL"),
            Token = values.GetValueOrDefault("Token"),
            UnsubscribeUrl = values.GetValueOrDefault("UnsubscribeURL"),
        }, []);
    }

    private static SnsParseResult Fail(string field, string message) => new(null, [new SnsFieldProblem(field, message)]);
}
