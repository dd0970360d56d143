using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>
/// The media object of a header: exactly one of <c>id</c> (a WhatsApp media id or the hub's own) or <c>link</c>
/// (an https URL Meta fetches itself); no caption (§1.7). A document header may name its file.
/// </summary>
public static class HeaderMediaRules
{
    /// <summary>Hub limit: Meta states none, and no media id comes near it.</summary>
    public const int MaxIdLength = 256;
    /// <summary>Hub limit: the longest URL browsers and CDNs reliably pass on.</summary>
    public const int MaxLinkLength = 2048;
    /// <summary>Hub limit for a document's displayed name (common file systems allow 255 bytes).</summary>
    public const int MaxFilenameLength = 240;

    public static void Validate(JsonObject media, string path, ValidationErrors errors, bool allowFilename)
    {
        JsonRules.OnlyKnownMembers(media, path, errors, allowFilename ? WithFilename : IdOrLink);
        var hasId = media.ContainsKey("id");
        var hasLink = media.ContainsKey("link");
        if (hasId == hasLink)
            errors.Add(path, "oneOf", hasId ? "Give either 'id' or 'link', not both." : "Give 'id' (uploaded media) or 'link' (a public https URL).");

        var id = JsonRules.String(media, "id", path, errors, required: false, minLength: 1, maxLength: MaxIdLength);
        if (id is { Length: > 0 } && !id.All(c => c is > ' ' and < '\u007f'))
            errors.Add(JsonPath.Member(path, "id"), "pattern", "'id' must be printable ASCII without spaces.");

        var link = JsonRules.String(media, "link", path, errors, required: false, minLength: 1, maxLength: MaxLinkLength);
        if (link is { Length: > 0 } && !InteractiveText.IsWebUrl(link, httpsOnly: true))
            errors.Add(JsonPath.Member(path, "link"), "httpsUrl", "'link' must be an absolute https URL.");

        if (allowFilename)
        {
            var name = JsonRules.String(media, "filename", path, errors, required: false, minLength: 1, maxLength: MaxFilenameLength);
            if (name is not null && name.Any(c => char.IsControl(c) || c is '/' or '\\'))
                errors.Add(JsonPath.Member(path, "filename"), "pattern", "'filename' must be a file name without folders or control characters.");
        }
    }

    private static readonly HashSet<string> IdOrLink = ["id", "link"];
    private static readonly HashSet<string> WithFilename = ["id", "link", "filename"];
}
