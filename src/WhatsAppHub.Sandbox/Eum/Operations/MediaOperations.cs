using System.Text.Json.Nodes;
using WhatsAppHub.Sandbox.Eum.Validation;
using WhatsAppHub.Sandbox.Eum.World;

namespace WhatsAppHub.Sandbox.Eum.Operations;

/// <summary>
/// Media held by "Meta" for a phone number. An upload from an S3 file reads the object's size and Content-Type
/// when the sandbox knows an S3 endpoint (a missing object is refused, as EUM would), and otherwise guesses the
/// type from the key; a presigned upload takes its Content-Type header. A download only reports the metadata.
/// </summary>
public sealed class MediaOperations(SandboxWorld world, S3Objects s3) : IEumOperationGroup
{
    public IEnumerable<EumOperation> Operations =>
    [
        new("PostWhatsAppMessageMedia", "POST", "/v1/whatsapp/media", Post),
        new("GetWhatsAppMessageMedia", "POST", "/v1/whatsapp/media/get", Get),
        new("DeleteWhatsAppMessageMedia", "DELETE", "/v1/whatsapp/media", Delete),
    ];

    private JsonObject Post(InputReader input)
    {
        var phoneId = input.String(input.Body, "originationPhoneNumberId", "originationPhoneNumberId", Shapes.WhatsAppPhoneNumberId, required: true)!;
        var presigned = input.S3PresignedUrl(input.Body, "sourceS3PresignedUrl");
        var file = input.S3File(input.Body, "sourceS3File");
        input.ThrowIfInvalid();

        if ((presigned is null) == (file is null))
        {
            throw EumException.InvalidParameters("Exactly one of sourceS3File or sourceS3PresignedUrl must be provided.");
        }
        string mimeType;
        long? fileSize = null;
        if (file is not null && s3.IsConfigured)
        {
            var head = s3.Head(file.BucketName, file.Key)
                ?? throw EumException.InvalidParameters($"The S3 object s3://{file.BucketName}/{file.Key} does not exist or cannot be read.");
            mimeType = head.ContentType ?? MimeTypes.FromKey(file.Key) ?? throw EumException.InvalidParameters($"Unsupported media type for S3 key '{file.Key}'.");
            fileSize = head.Size;
        }
        else if (presigned is not null)
        {
            var contentType = presigned.Headers.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
            mimeType = contentType ?? throw EumException.InvalidParameters("sourceS3PresignedUrl.headers must include Content-Type.");
        }
        else
        {
            mimeType = MimeTypes.FromKey(file!.Key) ?? throw EumException.InvalidParameters($"Unsupported media type for S3 key '{file.Key}'.");
        }

        return world.Locked(w =>
        {
            var (_, phone) = w.FindPhone(phoneId) ?? throw EumException.NotFound($"Phone number {phoneId} is not linked to this account.");
            var mediaId = ResourceIds.NewNumeric(16);
            var source = presigned?.Url ?? $"s3://{file!.BucketName}/{file.Key}";
            w.Media[mediaId] = new MediaObject { MediaId = mediaId, PhoneNumberId = phone.Id, MimeType = mimeType, FileSize = fileSize ?? 1 + (Math.Abs(source.GetHashCode()) % 4096), Source = source };
            return new JsonObject { ["mediaId"] = mediaId };
        });
    }

    private JsonObject Get(InputReader input)
    {
        var mediaId = input.String(input.Body, "mediaId", "mediaId", Shapes.WhatsAppMediaId, required: true)!;
        var phoneId = input.String(input.Body, "originationPhoneNumberId", "originationPhoneNumberId", Shapes.WhatsAppPhoneNumberId, required: true)!;
        var metadataOnly = input.Bool(input.Body, "metadataOnly", "metadataOnly") ?? false;
        var presigned = input.S3PresignedUrl(input.Body, "destinationS3PresignedUrl");
        var file = input.S3File(input.Body, "destinationS3File");
        input.ThrowIfInvalid();

        if (presigned is not null && file is not null)
        {
            throw EumException.InvalidParameters("Provide either destinationS3File or destinationS3PresignedUrl, not both.");
        }
        if (!metadataOnly && presigned is null && file is null)
        {
            throw EumException.InvalidParameters("A destination (destinationS3File or destinationS3PresignedUrl) is required unless metadataOnly is true.");
        }

        return world.Locked(w =>
        {
            _ = w.FindPhone(phoneId) ?? throw EumException.NotFound($"Phone number {phoneId} is not linked to this account.");
            var media = Find(w, mediaId);
            return new JsonObject { ["mimeType"] = media.MimeType, ["fileSize"] = media.FileSize };
        });
    }

    private JsonObject Delete(InputReader input)
    {
        var mediaId = input.QueryString("mediaId", "mediaId", Shapes.WhatsAppMediaId, required: true)!;
        var phoneId = input.QueryString("originationPhoneNumberId", "originationPhoneNumberId", Shapes.WhatsAppPhoneNumberId, required: true)!;
        input.ThrowIfInvalid();

        return world.Locked(w =>
        {
            _ = w.FindPhone(phoneId) ?? throw EumException.NotFound($"Phone number {phoneId} is not linked to this account.");
            // Idempotent per the model: deleting an already deleted id succeeds again; a never-known id does not.
            var media = w.Media.TryGetValue(mediaId, out var m) ? m : throw EumException.NotFound($"Media {mediaId} was not found.");
            media.Deleted = true;
            return new JsonObject { ["success"] = true };
        });
    }

    private static MediaObject Find(SandboxWorld w, string mediaId) =>
        w.Media.TryGetValue(mediaId, out var media) && !media.Deleted ? media : throw EumException.NotFound($"Media {mediaId} was not found.");
}
