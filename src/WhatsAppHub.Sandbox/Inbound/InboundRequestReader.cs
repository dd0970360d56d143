using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using WhatsAppHub.Sandbox.Eum.World;

namespace WhatsAppHub.Sandbox.Inbound;

/// <summary>How the deliveries of one request are played: each event signed once, delivered <see cref="Copies"/> times.</summary>
/// <param name="Order"><c>as-given</c>, <c>reverse</c> or <c>shuffle</c>, applied to all deliveries, copies included.</param>
/// <param name="Seed">The shuffle's seed (null for the other orders): the same seed gives the same order.</param>
/// <param name="DelayMs">The wait before each delivery.</param>
public sealed record DeliveryPlan(string Order, int? Seed, int Copies, int DelayMs);

public sealed record InboundBatch(IReadOnlyList<InboundRequest> Events, DeliveryPlan Plan);

/// <summary>
/// Reads and checks the requests of <c>POST /sandbox/inbound/{type}</c> (body = overrides, query = delivery) and
/// <c>POST /sandbox/inbound</c> (a batch). Every broken field is reported, not just the first.
/// </summary>
public sealed class InboundRequestReader(SandboxWorld world, IOptions<SandboxOptions> options)
{
    public const int MaxEvents = 100;
    public const int MaxCopies = 10;
    public const int MaxDelayMs = 60_000;
    public const int MaxTotalDelayMs = 300_000;
    public static readonly string[] Orders = ["as-given", "reverse", "shuffle"];

    // Body members that steer the composition instead of being merged over the item.
    private static readonly string[] Steering = ["from", "profileName", "waba", "phoneNumberId"];
    private static readonly string[] BatchFields = ["events", "order", "seed", "copies", "delayMs"];
    private static readonly string[] EventFields = ["type", "body"];

    public (InboundBatch? Batch, IReadOnlyList<FieldError> Errors) ReadSingle(string type, string bodyText, IQueryCollection query)
    {
        var errors = new List<FieldError>();
        var body = Parse(bodyText, errors);
        var kind = Kind(type, "route.type", errors);
        var request = kind is null || errors.Count > 0 ? null : ReadEvent(kind, body, "$", errors);
        var copies = Query(query, "copies", 1, MaxCopies, errors) ?? 1;
        var delayMs = Query(query, "delayMs", 0, MaxDelayMs, errors) ?? 0;
        CheckTotalDelay(copies, delayMs, "query.delayMs", errors);
        return errors.Count > 0 || request is null
            ? (null, errors)
            : (new InboundBatch([request], new DeliveryPlan("as-given", null, copies, delayMs)), errors);
    }

    public (InboundBatch? Batch, IReadOnlyList<FieldError> Errors) ReadBatch(string bodyText)
    {
        var errors = new List<FieldError>();
        var root = Parse(bodyText, errors);
        if (errors.Count > 0) return (null, errors);
        if (root is not JsonObject batch)
            return (null, [new("$", "The body must be a JSON object: { \"events\": [ { \"type\", \"body\" } ], \"order\", \"seed\", \"copies\", \"delayMs\" }.")]);
        Unknown(batch, BatchFields, "$", errors);

        var requests = new List<InboundRequest>();
        switch (batch["events"])
        {
            case JsonArray { Count: > 0 and <= MaxEvents } list:
                for (var i = 0; i < list.Count; i++)
                {
                    var path = $"$.events[{i}]";
                    if (list[i] is not JsonObject item)
                    {
                        errors.Add(new(path, "An event must be a JSON object: { \"type\", \"body\" }."));
                        continue;
                    }
                    Unknown(item, EventFields, path, errors);
                    var typeNode = item["type"];
                    var kind = typeNode?.GetValueKind() == JsonValueKind.String
                        ? Kind(typeNode.GetValue<string>(), $"{path}.type", errors)
                        : Fail<InboundKind>(errors, $"{path}.type", "'type' is required: one of the types GET /sandbox/inbound lists.");
                    if (kind is not null && ReadEvent(kind, item["body"], $"{path}.body", errors) is { } request) requests.Add(request);
                    else if (kind is null && item["body"] is not null and not JsonObject) errors.Add(new($"{path}.body", "The body must be a JSON object (or empty)."));
                }
                break;
            case JsonArray:
                errors.Add(new("$.events", $"'events' must hold 1 to {MaxEvents} events."));
                break;
            default:
                errors.Add(new("$.events", "'events' is required: an array of { \"type\", \"body\" }."));
                break;
        }

        var order = "as-given";
        if (batch["order"] is { } orderNode)
        {
            if (orderNode.GetValueKind() == JsonValueKind.String && Orders.Contains(orderNode.GetValue<string>(), StringComparer.Ordinal)) order = orderNode.GetValue<string>();
            else errors.Add(new("$.order", $"'order' must be one of: {string.Join(", ", Orders)}."));
        }
        // A missing seed is chosen at random and answered, so that a surprising order can be replayed.
        var seed = Integer(batch, "seed", "$.seed", int.MinValue, int.MaxValue, errors) ?? Random.Shared.Next();
        var copies = Integer(batch, "copies", "$.copies", 1, MaxCopies, errors) ?? 1;
        var delayMs = Integer(batch, "delayMs", "$.delayMs", 0, MaxDelayMs, errors) ?? 0;
        CheckTotalDelay(requests.Count * copies, delayMs, "$.delayMs", errors);
        return errors.Count > 0 ? (null, errors) : (new InboundBatch(requests, new DeliveryPlan(order, order == "shuffle" ? seed : null, copies, delayMs)), errors);
    }

    /// <summary>One event's body: <c>from</c>, <c>profileName</c>, <c>waba</c>, <c>phoneNumberId</c>, and the overrides (all the rest).</summary>
    public InboundRequest? ReadEvent(InboundKind kind, JsonNode? body, string path, List<FieldError> errors)
    {
        if (body is not null and not JsonObject)
        {
            errors.Add(new(path, "The body must be a JSON object (or empty): 'from' and the fields to override."));
            return null;
        }
        var overrides = (JsonObject?)body?.DeepClone() ?? [];
        var before = errors.Count;

        string? from = null;
        if (Text(overrides, "from", $"{path}.from", errors) is { } fromText)
        {
            from = PhoneDigits(fromText);
            if (from is null) errors.Add(new($"{path}.from", "'from' must be a phone number: 6 to 15 digits, optionally after a '+' (e.g. +15555550100)."));
            else if (!kind.HasSender) errors.Add(new($"{path}.from", $"'from' does not apply to {kind.Type}: it names no contact."));
        }
        var profileName = Text(overrides, "profileName", $"{path}.profileName", errors);
        if (profileName is { Length: 0 or > 256 }) errors.Add(new($"{path}.profileName", "'profileName' must be 1 to 256 characters."));
        else if (profileName is not null && !kind.HasSender) errors.Add(new($"{path}.profileName", $"'profileName' does not apply to {kind.Type}: it names no contact."));

        var wabaText = Text(overrides, "waba", $"{path}.waba", errors);
        var phoneText = Text(overrides, "phoneNumberId", $"{path}.phoneNumberId", errors);
        var target = Target(wabaText, phoneText, path, errors);

        foreach (var name in Steering)
        {
            overrides.Remove(name);
        }
        return errors.Count > before || target is not { } t ? null : new InboundRequest(kind, from, profileName, t.Account, t.Phone, overrides);
    }

    /// <summary>The WABA and number the event is for: by EUM id, ARN or Meta id; the configured ones by default.</summary>
    private (LinkedAccount Account, LinkedPhoneNumber Phone)? Target(string? waba, string? phoneId, string path, List<FieldError> errors) =>
        world.Locked<(LinkedAccount, LinkedPhoneNumber)?>(w =>
        {
            LinkedAccount? account = null;
            if (waba is not null)
            {
                account = w.Accounts.FirstOrDefault(a => a.Id == waba || a.Arn == waba || a.MetaWabaId == waba);
                if (account is null)
                {
                    errors.Add(new($"{path}.waba", $"'{waba}' is not a WABA linked to the sandbox (known: {string.Join(", ", w.Accounts.Select(a => a.MetaWabaId))})."));
                    return null;
                }
            }
            if (phoneId is not null)
            {
                foreach (var candidate in account is null ? w.Accounts : [account])
                {
                    if (candidate.PhoneNumbers.FirstOrDefault(p => p.Id == phoneId || p.Arn == phoneId || p.MetaPhoneNumberId == phoneId) is { } phone)
                        return (candidate, phone);
                }
                errors.Add(new($"{path}.phoneNumberId", $"'{phoneId}' is not a phone number linked to {(account is null ? "the sandbox" : "WABA " + account.MetaWabaId)}."));
                return null;
            }
            account ??= w.Accounts.FirstOrDefault(a => a.Id == options.Value.WabaId) ?? w.Accounts.FirstOrDefault();
            if (account?.PhoneNumbers.FirstOrDefault() is not { } first)
            {
                errors.Add(new($"{path}.waba", "The sandbox has no linked WABA with a phone number to publish for (POST /sandbox/reset restores it)."));
                return null;
            }
            return (account, first);
        });

    private static JsonNode? Parse(string text, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            errors.Add(new("$", $"The body is not valid JSON: {e.Message}"));
            return null;
        }
    }

    private static InboundKind? Kind(string type, string path, List<FieldError> errors) =>
        InboundCatalog.Find(type) ?? Fail<InboundKind>(errors, path, $"'{type}' is not an inbound type; GET /sandbox/inbound lists them.");

    private static T? Fail<T>(List<FieldError> errors, string path, string message) where T : class
    {
        errors.Add(new(path, message));
        return null;
    }

    /// <summary>Digits of an E.164-like number (spaces, dashes and brackets allowed), or null when it is not one.</summary>
    private static string? PhoneDigits(string text)
    {
        var trimmed = text.Trim();
        var body = trimmed.StartsWith('+') ? trimmed[1..] : trimmed;
        if (body.Any(ch => !char.IsAsciiDigit(ch) && ch is not (' ' or '-' or '(' or ')'))) return null;
        var digits = InboundComposer.Digits(body);
        return digits.Length is >= 6 and <= 15 ? digits : null;
    }

    private static void CheckTotalDelay(int deliveries, int delayMs, string path, List<FieldError> errors)
    {
        if ((long)deliveries * delayMs > MaxTotalDelayMs)
            errors.Add(new(path, $"{deliveries} deliveries {delayMs} ms apart would wait more than {MaxTotalDelayMs / 1000} s in all."));
    }

    private static int? Query(IQueryCollection query, string name, int min, int max, List<FieldError> errors)
    {
        if (!query.TryGetValue(name, out var values)) return null;
        if (values.Count == 1 && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors.Add(new($"query.{name}", $"'{name}' must be a whole number from {min} to {max}."));
        return null;
    }

    private static void Unknown(JsonObject obj, string[] known, string path, List<FieldError> errors)
    {
        foreach (var (name, _) in obj)
            if (!known.Contains(name, StringComparer.Ordinal))
                errors.Add(new($"{path}.{name}", $"Unknown field '{name}'; known: {string.Join(", ", known)}."));
    }

    private static string? Text(JsonObject obj, string name, string path, List<FieldError> errors)
    {
        if (obj[name] is not { } node) return null;
        if (node.GetValueKind() == JsonValueKind.String) return node.GetValue<string>();
        errors.Add(new(path, $"'{name}' must be a string."));
        return null;
    }

    private static int? Integer(JsonObject obj, string name, string path, int min, int max, List<FieldError> errors)
    {
        if (obj[name] is not { } node) return null;
        if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<double>(out var d) && d == Math.Floor(d) && d >= min && d <= max)
            return (int)d;
        errors.Add(new(path, $"'{name}' must be a whole number from {min} to {max}."));
        return null;
    }
}
