using System.Security.Cryptography;
using System.Text;

namespace WhatsAppHub.Core.Workflows;

/// <summary>
/// Instance ids are <c>{type}.{key}</c>: the type names the partition, so the id alone finds the row with one point read.
/// Keys are URL-safe, so an id goes into a route as it is.
/// </summary>
public static class WorkflowIds
{
    public const int MaxKeyLength = 128;
    public const int MaxTypeLength = 64;

    /// <summary>A deterministic id from parts (the same parts always give the same instance): SHA-256, 32 hex digits.</summary>
    public static string Deterministic(string type, params string[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)));
        return $"{type}.{Convert.ToHexStringLower(hash.AsSpan(0, 16))}";
    }

    /// <summary>The type and key of a well-formed id; false for anything else (which names no instance).</summary>
    public static bool TryParse(string? id, out string type, out string key)
    {
        type = key = "";
        if (id is null) return false;
        var dot = id.IndexOf('.', StringComparison.Ordinal);
        if (dot < 1 || dot > MaxTypeLength || id.Length - dot - 1 is < 1 or > MaxKeyLength) return false;
        type = id[..dot];
        key = id[(dot + 1)..];
        return IsType(type) && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }

    public static bool IsType(string type) =>
        type.Length is >= 1 and <= MaxTypeLength && char.IsAsciiLetter(type[0]) && type.All(char.IsAsciiLetterOrDigit);

    /// <summary>The id of a transition's effect: <c>{instanceId}:{step}</c>, with <c>.{n}</c> for the effects after the first.</summary>
    public static string EffectId(string instanceId, long step, int index) =>
        index == 0 ? $"{instanceId}:{step}" : $"{instanceId}:{step}.{index}";
}
