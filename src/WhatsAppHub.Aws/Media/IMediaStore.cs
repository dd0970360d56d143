namespace WhatsAppHub.Aws.Media;

/// <summary>
/// The S3 bucket where the hub keeps media: files uploaded for sending (EUM reads them from here) and, later,
/// media downloaded from inbound messages. Keys are full object keys (the caller adds the configured prefix).
/// </summary>
public interface IMediaStore
{
    /// <summary>The bucket's name, as EUM's <c>S3File.bucketName</c> needs it.</summary>
    string Bucket { get; }

    /// <summary>Stores <paramref name="content"/> (read from its current position to its end) with its Content-Type.</summary>
    Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>The object's size and Content-Type, or null when there is no such object.</summary>
    Task<StoredObject?> HeadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Opens the object for reading, or null when there is no such object. Dispose the stream.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Deletes the object; succeeds when it is already gone.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>A URL that lets anyone holding it GET the object until <paramref name="lifetime"/> has passed.</summary>
    Task<Uri> PresignGetAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken = default);
}

/// <summary>What S3 reports about an object.</summary>
public sealed record StoredObject(string Key, long Size, string? ContentType);
