using WhatsAppHub.Core.Media;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Media.Downloads;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Media;

/// <summary>
/// <c>GET /api/media/{id}</c>: an upload by its hub media id, or media a contact sent by its WhatsApp media id, with a
/// presigned S3 URL (<c>Media:PresignedUrlMinutes</c>) to fetch the file. A download still pending or failed shows its
/// status and no URL. The URL is signed locally, so the bucket is not asked.
/// </summary>
public sealed class GetMediaHandler(
    MediaUploadStore uploads,
    MediaDownloadStore downloads,
    MediaBuckets buckets,
    HubOptions options,
    TimeProvider clock,
    ILogger<GetMediaHandler> logger)
{
    public async Task<IResult> HandleAsync(string id, CancellationToken cancellationToken)
    {
        if (HubMediaId.IsHubMediaId(id))
        {
            var found = await uploads.FindAsync(id, cancellationToken);
            if (found is not var (upload, _) || upload.DeletedAt is not null)
                return HubProblems.NotFound(found is null ? "No media has this id." : "This media was deleted.");
            var (url, expiresAt) = await PresignAsync(upload.Bucket, upload.Key, cancellationToken);
            return Results.Ok(MediaView.From(upload) with { Url = url, UrlExpiresAt = expiresAt });
        }

        if (await downloads.FindAsync(id, cancellationToken) is not var (download, _))
            return HubProblems.NotFound("No media has this id: neither a hub media id nor the WhatsApp id of media a contact sent.");
        if (download is not { Status: MediaDownload.Downloaded, Bucket: { } bucket, Key: { } key })
            return Results.Ok(MediaDownloadView.Of(download, null, null));
        var (downloadUrl, downloadExpiresAt) = await PresignAsync(bucket, key, cancellationToken);
        return Results.Ok(MediaDownloadView.Of(download, downloadUrl, downloadExpiresAt));
    }

    /// <summary>
    /// A URL the caller can GET until it expires; none when the credentials cannot sign (an assumed role that STS did not
    /// grant right now), so the metadata is still answered.
    /// </summary>
    private async Task<(Uri? Url, DateTimeOffset? ExpiresAt)> PresignAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var lifetime = options.Media.PresignedUrlLifetime;
        try
        {
            var url = await buckets.For(bucket).PresignGetAsync(key, lifetime, cancellationToken);
            return (url, clock.GetUtcNow().Add(lifetime));
        }
        catch (Exception e) when (UploadMediaHandler.IsStoreFailure(e, cancellationToken))
        {
            logger.LogWarning("Could not presign s3://{Bucket}/{Key}: {Reason}", bucket, key, e.Message);
            return (null, null);
        }
    }
}
