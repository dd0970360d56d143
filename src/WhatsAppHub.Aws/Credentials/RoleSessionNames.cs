using System.Text;

namespace WhatsAppHub.Aws.Credentials;

/// <summary>
/// STS session names: 2–64 characters of [A-Za-z0-9+=,.@_-]. One per machine keeps CloudTrail readable
/// (which instance did what) and stays the same across refreshes.
/// </summary>
internal static class RoleSessionNames
{
    private const int MaxLength = 64;

    public static string ForThisMachine() => Sanitise($"WhatsAppHub-{Environment.MachineName}");

    public static string Sanitise(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || "+=,.@_-".Contains(c) ? c : '-');
        }
        var result = builder.ToString();
        return result.Length > MaxLength ? result[..MaxLength] : result;
    }
}
