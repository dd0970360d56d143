using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging.Content;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>
/// An interactive <c>header</c>: <c>type</c> text (≤ 60 characters) or image / video / document with the media
/// object in the member named like the type, limited to the kinds its place accepts.
/// </summary>
public static class HeaderRules
{
    public const int MaxTextLength = 60;

    private static readonly (string Name, HeaderKinds Kind)[] Kinds =
        [("text", HeaderKinds.Text), ("image", HeaderKinds.Image), ("video", HeaderKinds.Video), ("document", HeaderKinds.Document)];

    /// <summary>Checks the header at <paramref name="path"/>; returns its kind when it is one of <paramref name="allowed"/>.</summary>
    public static HeaderKinds Validate(JsonObject header, string path, ValidationErrors errors, HeaderKinds allowed)
    {
        var type = JsonRules.String(header, "type", path, errors, required: true, minLength: 1);
        var kind = Kinds.FirstOrDefault(k => k.Name == type).Kind;
        var members = new HashSet<string>(StringComparer.Ordinal) { "type" };
        if (type is not null && (kind == HeaderKinds.None || !allowed.HasFlag(kind)))
        {
            var names = Kinds.Where(k => allowed.HasFlag(k.Kind)).Select(k => $"\"{k.Name}\"");
            errors.Add(JsonPath.Member(path, "type"), "enum", $"The header 'type' must be {string.Join(" or ", names)} here.");
            kind = HeaderKinds.None;
        }
        if (kind == HeaderKinds.None)
        {
            // Without a usable type the member that should carry the content is unknown: do not flag it as extra.
            members.UnionWith(Kinds.Select(k => k.Name));
        }
        else
        {
            members.Add(type!);
            if (kind == HeaderKinds.Text)
                JsonRules.String(header, "text", path, errors, required: true, minLength: 1, maxLength: MaxTextLength);
            else if (JsonRules.Object(header, type!, path, errors, required: true) is { } media)
                // Headers show no caption (§1.7); a document header may name its file.
                MediaObjectRules.Validate(media, JsonPath.Member(path, type!), errors, kind == HeaderKinds.Document ? MediaExtras.Filename : MediaExtras.None);
        }
        JsonRules.OnlyKnownMembers(header, path, errors, members);
        return kind;
    }
}
