namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>Whether a part of an interactive message may, must or must not be given.</summary>
public enum Presence
{
    Forbidden,
    Optional,
    Required,
}

/// <summary>The header kinds a place accepts (§1.7: only reply buttons and CTA URL take media headers).</summary>
[Flags]
public enum HeaderKinds
{
    None = 0,
    Text = 1,
    Image = 2,
    Video = 4,
    Document = 8,
    Any = Text | Image | Video | Document,
}

/// <summary>Which of <c>header</c>, <c>body</c> and <c>footer</c> an interactive type takes.</summary>
public sealed record InteractiveParts(Presence Header, HeaderKinds HeaderKinds, Presence Body, Presence Footer)
{
    /// <summary>The §1.7 default: optional text header, required body, optional footer.</summary>
    public static InteractiveParts TextHeader { get; } = new(Presence.Optional, HeaderKinds.Text, Presence.Required, Presence.Optional);

    /// <summary>Reply buttons and CTA URL: the header may also be an image, video or document.</summary>
    public static InteractiveParts MediaHeader { get; } = new(Presence.Optional, HeaderKinds.Any, Presence.Required, Presence.Optional);

    /// <summary>Only the body text is the business's own (location request, call permission request, carousel).</summary>
    public static InteractiveParts BodyOnly { get; } = new(Presence.Forbidden, HeaderKinds.None, Presence.Required, Presence.Forbidden);
}
