using Amazon.Runtime;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Aws.Media;
using WhatsAppHub.Core.Media;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Media;

/// <summary>
/// <c>POST /api/media</c>: checks the file against WhatsApp's formats, stores it in the media bucket (multipart) or
/// finds it there (JSON <c>s3Key</c>), has EUM upload it to WhatsApp (<c>PostWhatsAppMessageMedia</c> from the S3
/// file) and records a MEDIA_UPLOAD row. Answers 201 with <c>Location: /api/media/{hub media id}</c>.
/// </summary>
public sealed class UploadMediaHandler(
    IMediaStore bucket,
    ISocialMessaging eum,
    MediaUploadStore uploads,
    HubOptions options,
    TimeProvider clock,
    ILogger<UploadMediaHandler> logger)
{
    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType) return await FromFormAsync(request, cancellationToken);

        var body = await RequestBody.ReadAsync(request, S3KeyUploadRequest.MaxBodyBytes, cancellationToken);
        if (body.Problem is not null)
            return request.ContentType is null || request.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase)
                ? body.Problem
                : Results.Problem(type: HubProblems.TypeUri("unsupported-media-type"), title: "The body must be multipart/form-data or JSON.",
                    statusCode: StatusCodes.Status415UnsupportedMediaType,
                    detail: "Send the file as multipart/form-data (a 'file' part), or JSON { \"s3Key\": … } naming an object in the media bucket.");
        var (s3Request, errors) = S3KeyUploadRequest.Read(body.Bytes.Span);
        if (s3Request is null) return HubProblems.Validation(errors);
        return await FromS3KeyAsync(s3Request, cancellationToken);
    }

    private async Task<IResult> FromFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (form, problem) = await MediaUploadForm.ReadAsync(request, cancellationToken);
        if (form is null) return problem!;

        FileDigest digest;
        await using (var content = form.File.OpenReadStream()) digest = await FileDigest.ComputeAsync(content, cancellationToken);
        var file = new MediaFile(form.Type, form.MimeType, digest.Length, form.File.FileName, WebpHeader.IsAnimated(digest.Head));
        var (checkedFile, refusal) = Check(file, form.PhoneNumberId, MediaUploadForm.Paths);
        if (refusal is not null) return refusal;

        var id = HubMediaId.New();
        var key = options.Media.KeyPrefix + id + MediaFormats.ExtensionOf(checkedFile!.MimeType);
        try
        {
            await using var content = form.File.OpenReadStream();
            await bucket.PutAsync(key, content, checkedFile.MimeType, cancellationToken);
        }
        catch (Exception e) when (IsStoreFailure(e, cancellationToken))
        {
            return StoreFailed(e);
        }
        // The object is the hub's own copy: if WhatsApp does not take it, nothing will ever use it.
        return await RegisterAsync(id, key, checkedFile, digest, form.File.FileName, deleteOnFailure: true, cancellationToken);
    }

    private async Task<IResult> FromS3KeyAsync(S3KeyUploadRequest request, CancellationToken cancellationToken)
    {
        StoredObject? head;
        FileDigest? digest = null;
        try
        {
            head = await bucket.HeadAsync(request.S3Key, cancellationToken);
            if (head is not null)
            {
                await using var content = await bucket.OpenReadAsync(request.S3Key, cancellationToken);
                if (content is not null) digest = await FileDigest.ComputeAsync(content, cancellationToken);
            }
        }
        catch (Exception e) when (IsStoreFailure(e, cancellationToken))
        {
            return StoreFailed(e);
        }
        if (head is null || digest is null)
            return HubProblems.Validation([new ValidationError("$.s3Key", "exists", $"The media bucket has no object with this key.")]);

        var fileName = request.S3Key[(request.S3Key.LastIndexOf('/') + 1)..];
        var file = new MediaFile(request.Type, head.ContentType, digest.Length, fileName.Length > 0 ? fileName : null, WebpHeader.IsAnimated(digest.Head));
        var (checkedFile, refusal) = Check(file, request.PhoneNumberId, S3KeyUploadRequest.Paths);
        if (refusal is not null) return refusal;
        return await RegisterAsync(HubMediaId.New(), request.S3Key, checkedFile!, digest, file.FileName, deleteOnFailure: false, cancellationToken);
    }

    /// <summary>The facts an upload goes ahead with, once every rule holds.</summary>
    private sealed record CheckedFile(string MediaType, string MimeType, string PhoneNumberId);

    private (CheckedFile?, IResult?) Check(MediaFile file, string? phoneNumberId, MediaFilePaths paths)
    {
        var errors = new ValidationErrors();
        var type = MediaFileRules.Validate(file, paths, errors);
        if (phoneNumberId is not null && !PhoneNumberId.IsValid(phoneNumberId))
            errors.Add("$.phoneNumberId", "pattern", "'phoneNumberId' must be an EUM phone number id ('phone-number-id-…') or its ARN.");
        if (!errors.IsEmpty)
            return (null, errors.All.All(e => e.Rule == MediaFileRules.MaxSizeRule) ? HubProblems.MediaTooLarge(errors.All) : HubProblems.Validation(errors.All));
        return (new CheckedFile(type!, MediaFormats.MimeEssence(file.MimeType!), PhoneNumberId.Normalize(phoneNumberId ?? options.Eum.DefaultPhoneNumberId)), null);
    }

    private async Task<IResult> RegisterAsync(string id, string key, CheckedFile file, FileDigest digest, string? fileName, bool deleteOnFailure,
        CancellationToken cancellationToken)
    {
        string whatsAppMediaId;
        try
        {
            var response = await eum.PostWhatsAppMessageMediaAsync(new PostWhatsAppMessageMediaRequest
            {
                OriginationPhoneNumberId = file.PhoneNumberId,
                SourceS3File = new S3File { BucketName = bucket.Bucket, Key = key },
            }, cancellationToken);
            whatsAppMediaId = response.MediaId ?? throw new InvalidDataException("EUM answered PostWhatsAppMessageMedia without a mediaId.");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("EUM refused media {MediaId} ({MediaType}, {Size} bytes): {Reason}", id, file.MediaType, digest.Length, e.Message);
            if (deleteOnFailure) await TryDeleteAsync(key);
            return EumProblem.From(e).ToResult();
        }

        var upload = new MediaUpload(id, whatsAppMediaId, file.MediaType, file.MimeType, digest.Length, digest.Sha256, fileName,
            file.PhoneNumberId, bucket.Bucket, key, clock.GetUtcNow());
        await uploads.InsertAsync(upload, cancellationToken);
        logger.LogInformation("Media {MediaId} uploaded as WhatsApp media {WhatsAppMediaId} ({MediaType}, {Size} bytes)", id, whatsAppMediaId, file.MediaType, digest.Length);
        return Results.Created($"/api/media/{id}", MediaView.From(upload));
    }

    private async Task TryDeleteAsync(string key)
    {
        try
        {
            await bucket.DeleteAsync(key, CancellationToken.None);
        }
        catch (Exception e) when (IsStoreFailure(e, CancellationToken.None))
        {
            logger.LogWarning("Could not delete the unused media object {Key}: {Reason}", key, e.Message);
        }
    }

    internal static bool IsStoreFailure(Exception e, CancellationToken cancellationToken) =>
        e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException ||
        e is OperationCanceledException && !cancellationToken.IsCancellationRequested;

    internal IResult StoreFailed(Exception e)
    {
        logger.LogError("The media bucket {Bucket} failed: {Reason}", bucket.Bucket, e.Message);
        return HubProblems.MediaStoreUnavailable($"The media bucket '{bucket.Bucket}' did not answer as expected ({e.GetType().Name}); nothing was uploaded. Try again.", true);
    }
}
