using System.Text.RegularExpressions;

namespace WhatsAppHub.Core.Media;

/// <summary>
/// The hub's id for an uploaded file: <c>hubmedia-</c> and a version-7 GUID in hex. The prefix keeps it apart from
/// WhatsApp's media ids (digits) wherever a message names media, so the hub knows which ids it must translate.
/// </summary>
public static partial class HubMediaId
{
    public const string Prefix = "hubmedia-";

    public static string New() => Prefix + Guid.CreateVersion7().ToString("N");

    public static bool IsHubMediaId(string value) => Pattern().IsMatch(value);

    [GeneratedRegex("^hubmedia-[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
