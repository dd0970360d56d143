namespace WhatsAppHub.Sandbox.Eum.World;

/// <summary>A media object held by "Meta": uploaded by PostWhatsAppMessageMedia or received inbound.</summary>
public sealed class MediaObject
{
    public required string MediaId { get; init; }
    public required string PhoneNumberId { get; init; }
    public required string MimeType { get; init; }
    public required long FileSize { get; init; }
    public string? Source { get; init; }

    /// <summary>The file's bytes, for media a contact sent (<c>POST /sandbox/inbound/{type}</c>); GetWhatsAppMessageMedia writes them to S3.</summary>
    public byte[]? Content { get; init; }
    public bool Deleted { get; set; }

    /// <summary>When "Meta" got it; media expires <see cref="SandboxOptions.MediaExpiryDays"/> later. Null = never expires.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
