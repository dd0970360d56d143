using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Content;

/// <summary>The optional members a media object may carry besides <c>id</c> / <c>link</c>; which ones depends on where it is used.</summary>
[Flags]
public enum MediaExtras
{
    None = 0,
    Caption = 1,
    Filename = 2,
    Voice = 4,
}

/// <summary>
/// A media object (<c>image</c>, <c>video</c>, <c>audio</c>, <c>document</c>, <c>sticker</c>, and media parameters of
/// templates): exactly one of <c>id</c> (uploaded media, a WhatsApp media id or the hub's own) or <c>link</c> (a public
/// https URL), plus the extras its place allows (§1.3).
/// </summary>
public static class MediaObjectRules
{
    public const int MaxCaptionLength = 1024;
    /// <summary>Hub limit: Meta states none, but no media id comes near it and the hub's ids are far shorter.</summary>
    public const int MaxIdLength = 256;
    /// <summary>Hub limit for <c>link</c> (the longest URL that browsers and CDNs reliably pass on).</summary>
    public const int MaxLinkLength = 2048;
    /// <summary>Hub limit for a document's displayed name (common file systems allow 255 bytes).</summary>
    public const int MaxFilenameLength = 240;

    public static void Validate(JsonObject media, string path, ValidationErrors errors, MediaExtras extras)
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal) { "id", "link" };
        if (extras.HasFlag(MediaExtras.Caption)) allowed.Add("caption");
        if (extras.HasFlag(MediaExtras.Filename)) allowed.Add("filename");
        if (extras.HasFlag(MediaExtras.Voice)) allowed.Add("voice");
        JsonRules.OnlyKnownMembers(media, path, errors, allowed);

        var hasId = media.ContainsKey("id");
        var hasLink = media.ContainsKey("link");
        if (hasId == hasLink)
            errors.Add(path, "oneOf", hasId
                ? "Give either 'id' or 'link', not both."
                : "Give 'id' (uploaded media) or 'link' (a public https URL).");
        if (hasId) TokenRules.Read(media, "id", path, errors, MaxIdLength);
        if (hasLink) UrlRules.Https(media, "link", path, errors, MaxLinkLength); // Meta fetches the file itself

        if (extras.HasFlag(MediaExtras.Caption))
            JsonRules.String(media, "caption", path, errors, required: false, minLength: 1, maxLength: MaxCaptionLength);
        if (extras.HasFlag(MediaExtras.Filename)) ValidateFilename(media, path, errors);
        if (extras.HasFlag(MediaExtras.Voice)) JsonRules.Boolean(media, "voice", path, errors);
    }

    private static void ValidateFilename(JsonObject media, string path, ValidationErrors errors)
    {
        var name = JsonRules.String(media, "filename", path, errors, required: false, minLength: 1, maxLength: MaxFilenameLength);
        if (name is null) return;
        if (name.Any(c => char.IsControl(c) || c is '/' or '\\'))
            errors.Add(JsonPath.Member(path, "filename"), "pattern", "'filename' must be a file name without folders or control characters.");
    }
}
