using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Content;

/// <summary>
/// The media message types (§1.3). They share one object shape and differ only in their extras: image and video take a
/// caption, a document a caption and a filename, audio the <c>voice</c> flag (a voice message), a sticker nothing.
/// </summary>
public sealed class MediaContentRules(string type, MediaExtras extras) : IMessageContentRules
{
    public static MediaContentRules Image { get; } = new("image", MediaExtras.Caption);
    public static MediaContentRules Video { get; } = new("video", MediaExtras.Caption);
    public static MediaContentRules Audio { get; } = new("audio", MediaExtras.Voice);
    public static MediaContentRules Document { get; } = new("document", MediaExtras.Caption | MediaExtras.Filename);
    public static MediaContentRules Sticker { get; } = new("sticker", MediaExtras.None);

    public static IReadOnlyList<MediaContentRules> All { get; } = [Image, Video, Audio, Document, Sticker];

    public string Type => type;

    /// <summary>The members this type takes besides <c>id</c> / <c>link</c> (read by the OpenAPI schemas too).</summary>
    public MediaExtras Extras => extras;

    public void Validate(JsonObject content, string path, ValidationErrors errors) => MediaObjectRules.Validate(content, path, errors, extras);
}
