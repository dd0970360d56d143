namespace WhatsAppHub.Core.Validation;

/// <summary>Builds the JSON paths that problem documents name (<c>$.a.b</c>, <c>$.list[2]</c>, <c>$['odd key']</c>).</summary>
public static class JsonPath
{
    public const string Root = "$";

    public static string Member(string parent, string name) =>
        IsPlainName(name) ? $"{parent}.{name}" : $"{parent}['{name.Replace("\\", "\\\\").Replace("'", "\\'")}']";

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    private static bool IsPlainName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
