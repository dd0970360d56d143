namespace WhatsAppHub.Aws.Eum;

// Where EUM reads media from or writes it to. Both shapes are @sensitive in the model: keep them out of logs.

/// <summary>An S3 object. For downloads <see cref="Key"/> is a prefix joined directly to the media id.</summary>
public sealed class S3File
{
    public required string BucketName { get; set; }

    public required string Key { get; set; }
}

/// <summary>A presigned S3 URL plus the headers to send with it (uploads need Content-Type).</summary>
public sealed class S3PresignedUrl
{
    public required string Url { get; set; }

    public required Dictionary<string, string> Headers { get; set; }
}
