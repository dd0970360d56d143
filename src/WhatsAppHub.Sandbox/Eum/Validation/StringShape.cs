using System.Text.RegularExpressions;

namespace WhatsAppHub.Sandbox.Eum.Validation;

/// <summary>Length (in Unicode code points, as Smithy counts) and pattern constraints of a string shape.</summary>
public sealed class StringShape(int? min, int? max, string? pattern = null, bool sensitive = false)
{
    private readonly Regex? _regex = pattern is null ? null : new Regex(pattern, RegexOptions.CultureInvariant);

    public int? Min { get; } = min;
    public int? Max { get; } = max;
    public string? Pattern { get; } = pattern;
    public bool Sensitive { get; } = sensitive;

    public IEnumerable<string> Violations(string value)
    {
        var length = value.EnumerateRunes().Count();
        if (Min is { } lo && length < lo)
        {
            yield return $"Member must have length greater than or equal to {lo}";
        }
        if (Max is { } hi && length > hi)
        {
            yield return $"Member must have length less than or equal to {hi}";
        }
        if (_regex is not null && !_regex.IsMatch(value))
        {
            yield return $"Member must satisfy regular expression pattern: {Pattern}";
        }
    }
}
