using System.Text.Json;
using System.Text.Json.Nodes;

namespace WhatsAppHub.Sandbox.Faults;

/// <summary>A broken rule of a fault plan, named by JSON path (<c>$.rules[0].rate</c>).</summary>
public sealed record FaultPlanError(string Path, string Message);

/// <summary>
/// Reads and checks a fault plan: <c>{ seed, latencyMs, rules: [ { fault, rate, count, to, metaCode, operation, latencyMs } ] }</c>.
/// Every broken field is reported, not just the first, and unknown fields are refused so a typo cannot silently do nothing.
/// </summary>
public static class FaultPlanReader
{
    public const int MaxLatencyMs = 300_000;
    public const int MaxRules = 50;
    public const string DefaultOperation = "SendWhatsAppMessage";
    public const string AnyOperation = "*";

    private static readonly string[] PlanFields = ["seed", "latencyMs", "rules"];
    private static readonly string[] RuleFields = ["fault", "rate", "count", "to", "metaCode", "operation", "latencyMs"];

    public static (FaultPlan? Plan, IReadOnlyList<FaultPlanError> Errors) Read(string json, IReadOnlyCollection<string> operations)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            return (null, [new("$", $"The body is not valid JSON: {e.Message}")]);
        }
        return Read(root, operations);
    }

    public static (FaultPlan? Plan, IReadOnlyList<FaultPlanError> Errors) Read(JsonNode? root, IReadOnlyCollection<string> operations)
    {
        var errors = new List<FaultPlanError>();
        if (root is not JsonObject plan)
            return (null, [new("$", "The fault plan must be a JSON object: { \"seed\", \"latencyMs\", \"rules\": [...] }.")]);
        Unknown(plan, PlanFields, "$", errors);

        var seed = Integer(plan, "seed", "$.seed", int.MinValue, int.MaxValue, errors) ?? Random.Shared.Next();
        var latency = Integer(plan, "latencyMs", "$.latencyMs", 0, MaxLatencyMs, errors) ?? 0;
        var rules = new List<FaultRule>();
        switch (plan["rules"])
        {
            case null:
                break;
            case JsonArray list when list.Count > MaxRules:
                errors.Add(new("$.rules", $"A plan holds at most {MaxRules} rules."));
                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                    if (ReadRule(list[i], $"$.rules[{i}]", operations, errors) is { } rule) rules.Add(rule);
                break;
            default:
                errors.Add(new("$.rules", "'rules' must be an array."));
                break;
        }
        return errors.Count > 0 ? (null, errors) : (new FaultPlan(seed, latency, rules), errors);
    }

    private static FaultRule? ReadRule(JsonNode? node, string path, IReadOnlyCollection<string> operations, List<FaultPlanError> errors)
    {
        if (node is not JsonObject rule)
        {
            errors.Add(new(path, "A rule must be a JSON object."));
            return null;
        }
        var before = errors.Count;
        Unknown(rule, RuleFields, path, errors);

        FaultKind? kind = null;
        var faultText = Text(rule, "fault", $"{path}.fault", errors);
        if (faultText is null)
            errors.Add(new($"{path}.fault", "'fault' is required: throttled, internal, dependency, meta, latency or drop."));
        else if (Enum.TryParse<FaultKind>(faultText, ignoreCase: true, out var parsed) && !int.TryParse(faultText, out _))
            kind = parsed;
        else
            errors.Add(new($"{path}.fault", $"'{faultText}' is not a fault: use throttled, internal, dependency, meta, latency or drop."));

        var rate = 1.0;
        if (rule["rate"] is { } rateNode)
        {
            if (rateNode.GetValueKind() == JsonValueKind.Number && rateNode.GetValue<double>() is >= 0 and <= 1 and var r) rate = r;
            else errors.Add(new($"{path}.rate", "'rate' must be a number from 0 to 1."));
        }
        var count = Integer(rule, "count", $"{path}.count", 1, int.MaxValue, errors);

        string? to = null;
        if (Text(rule, "to", $"{path}.to", errors) is { } toText)
        {
            to = Digits(toText);
            if (to.Length is < 1 or > 20) errors.Add(new($"{path}.to", "'to' must be a phone number (its digits are compared)."));
        }

        var metaCode = Integer(rule, "metaCode", $"{path}.metaCode", 0, int.MaxValue, errors);
        if (kind == FaultKind.Meta && metaCode is null && rule["metaCode"] is null)
            errors.Add(new($"{path}.metaCode", $"A 'meta' fault needs 'metaCode', one of {string.Join(", ", MetaErrors.Codes)}."));
        else if (kind == FaultKind.Meta && metaCode is { } code && !MetaErrors.IsKnown(code))
            errors.Add(new($"{path}.metaCode", $"{code} is not a Meta code the sandbox knows: use one of {string.Join(", ", MetaErrors.Codes)}."));
        else if (kind is not null and not FaultKind.Meta && rule["metaCode"] is not null)
            errors.Add(new($"{path}.metaCode", "'metaCode' belongs to a 'meta' fault only."));

        var operation = Text(rule, "operation", $"{path}.operation", errors) ?? DefaultOperation;
        if (operation != AnyOperation && !operations.Contains(operation))
            errors.Add(new($"{path}.operation", $"'{operation}' is not an EUM operation name (or '*' for all)."));
        if (to is not null && operation != DefaultOperation)
            errors.Add(new($"{path}.to", "'to' applies to SendWhatsAppMessage only."));

        var latency = Integer(rule, "latencyMs", $"{path}.latencyMs", 0, MaxLatencyMs, errors) ?? 0;
        if (kind == FaultKind.Latency && latency == 0)
            errors.Add(new($"{path}.latencyMs", "A 'latency' fault needs 'latencyMs' above 0."));

        return errors.Count > before || kind is null ? null : new FaultRule(kind.Value, rate, count, to, metaCode, operation, latency);
    }

    public static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    private static void Unknown(JsonObject obj, string[] known, string path, List<FaultPlanError> errors)
    {
        foreach (var (name, _) in obj)
            if (!known.Contains(name, StringComparer.Ordinal))
                errors.Add(new($"{path}.{name}", $"Unknown field '{name}'; known: {string.Join(", ", known)}."));
    }

    private static string? Text(JsonObject obj, string name, string path, List<FaultPlanError> errors)
    {
        if (obj[name] is not { } node) return null;
        if (node.GetValueKind() == JsonValueKind.String) return node.GetValue<string>();
        errors.Add(new(path, $"'{name}' must be a string."));
        return null;
    }

    private static int? Integer(JsonObject obj, string name, string path, int min, int max, List<FaultPlanError> errors)
    {
        if (obj[name] is not { } node) return null;
        if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<int>(out var value) && value >= min && value <= max)
            return value;
        if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<double>(out var d) && d == Math.Floor(d) && d >= min && d <= max)
            return (int)d;
        errors.Add(new(path, $"'{name}' must be a whole number from {min} to {max}."));
        return null;
    }
}
