using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Aws.Media;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Media;

/// <summary>
/// <c>DELETE /api/media/{id}</c>: deletes the media from WhatsApp (EUM <c>DeleteWhatsAppMessageMedia</c>), then its S3
/// object, then marks the MEDIA_UPLOAD row deleted. Each step tolerates "already gone", so a delete that failed
/// half-way can simply be repeated, and a repeated delete answers 204 again. An id the hub never issued is 404.
/// </summary>
public sealed class DeleteMediaHandler(
    MediaUploadStore uploads,
    ISocialMessaging eum,
    IMediaStore bucket,
    TimeProvider clock,
    ILogger<DeleteMediaHandler> logger)
{
    public async Task<IResult> HandleAsync(string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await uploads.FindAsync(id, cancellationToken) is not var (upload, etag))
                return HubProblems.NotFound($"No media has the id '{Truncate(id)}'.");
            if (upload.DeletedAt is not null) return Results.NoContent();

            try
            {
                await eum.DeleteWhatsAppMessageMediaAsync(new DeleteWhatsAppMessageMediaRequest
                {
                    MediaId = upload.WhatsAppMediaId,
                    OriginationPhoneNumberId = upload.PhoneNumberId,
                }, cancellationToken);
            }
            catch (SocialMessagingException e) when (e.ErrorType == SocialMessagingErrorType.ResourceNotFound)
            {
                // WhatsApp forgets uploads after 30 days; gone is what a delete wants.
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("EUM did not delete media {MediaId}: {Reason}", id, e.Message);
                return EumProblem.From(e).ToResult();
            }

            try
            {
                await bucket.DeleteAsync(upload.Key, cancellationToken);
            }
            catch (Exception e) when (UploadMediaHandler.IsStoreFailure(e, cancellationToken))
            {
                logger.LogError("The media bucket {Bucket} did not delete {Key}: {Reason}", bucket.Bucket, upload.Key, e.Message);
                return HubProblems.MediaStoreUnavailable("WhatsApp no longer has the media, but its S3 object could not be deleted; repeat the delete.", true);
            }

            if (await uploads.MarkDeletedAsync(upload, etag, clock.GetUtcNow(), cancellationToken)) return Results.NoContent();
            // Another delete marked it meanwhile: read again, which answers 204.
        }
    }

    private static string Truncate(string id) => id.Length <= 64 ? id : id[..64] + "…";
}
