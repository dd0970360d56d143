using System.Collections.Concurrent;
using WhatsAppHub.Aws.Media;
using WhatsAppHub.Functions.Configuration;

namespace WhatsAppHub.Functions.Media;

/// <summary>
/// The S3 buckets media lies in, all reached with the media settings' endpoint and credentials: the media bucket
/// (uploads), the inbound bucket (downloads, <c>Media:InboundBucket</c>, by default the same one), and any bucket a
/// stored row names (a row written before the setting changed still gets its URL).
/// </summary>
public sealed class MediaBuckets(IMediaStore media, HubOptions options) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<S3MediaStore>> _others = new(StringComparer.Ordinal);

    /// <summary>Where inbound media is downloaded; null when no bucket is configured (downloads are off).</summary>
    public IMediaStore? Inbound => options.Media.InboundBucket is { } bucket ? For(bucket) : null;

    public IMediaStore For(string bucket) =>
        bucket == media.Bucket ? media
        : _others.GetOrAdd(bucket, b => new Lazy<S3MediaStore>(() => MediaStoreFactory.Create(options.Media with { Bucket = b }, options.Eum))).Value;

    public void Dispose()
    {
        foreach (var store in _others.Values.Where(s => s.IsValueCreated)) store.Value.Dispose();
    }
}
