using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using WhatsAppHub.Sandbox.Eum.Validation;
using WhatsAppHub.Sandbox.Eum.World;

namespace WhatsAppHub.Sandbox.Eum.Operations;

/// <summary>
/// Media held by "Meta" for a phone number. An upload from an S3 file reads the object's size and Content-Type
/// when the sandbox knows an S3 endpoint (a missing object is refused, as EUM would), and otherwise guesses the
/// type from the key; a presigned upload takes its Content-Type header. A download writes the media's bytes to the
/// destination (see <see cref="Get"/>). Media ids expire like WhatsApp's (<see cref="SandboxOptions.MediaExpiryDays"/>).
/// </summary>
public sealed class MediaOperations(SandboxWorld world, S3Objects s3, TimeProvider clock, IOptions<SandboxOptions> options) : IEumOperationGroup
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
            w.Media[mediaId] = new MediaObject { MediaId = mediaId, PhoneNumberId = phone.Id, MimeType = mimeType, FileSize = fileSize ?? 1 + (Math.Abs(source.GetHashCode()) % 4096), Source = source, CreatedAt = clock.GetUtcNow() };
            return new JsonObject { ["mediaId"] = mediaId };
        });
    }

    /// <summary>
    /// The metadata, and unless <c>metadataOnly</c> the file: to <c>destinationS3File</c> at <c>{key}{mediaId}{extension}</c>
    /// (EUM treats the key as a prefix and appends the media id; the extension follows the MIME type as AWS's samples
    /// find it), or to <c>destinationS3PresignedUrl</c>. Without an S3 endpoint an S3 destination is not written.
    /// </summary>
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

        var media = world.Locked(w =>
        {
            _ = w.FindPhone(phoneId) ?? throw EumException.NotFound($"Phone number {phoneId} is not linked to this account.");
            return Find(w, mediaId);
        });
        var answer = new JsonObject { ["mimeType"] = media.MimeType, ["fileSize"] = media.FileSize };
        if (metadataOnly || (file is not null && !s3.IsConfigured)) return answer;

        // Written outside the world's lock: S3 may be slow, and the media object does not change.
        var content = ContentOf(media);
        var failure = file is not null
            ? s3.Write(file.BucketName, file.Key + media.MediaId + MimeTypes.ExtensionOf(media.MimeType), content, media.MimeType)
            : s3.IsConfigured ? s3.WritePresigned(presigned!.Url, presigned.Headers, content) : null;
        if (failure is not null) throw EumException.Dependency($"The media could not be written to the destination: {failure}");
        return answer;
    }

    /// <summary>
    /// The file's bytes: those a contact sent, else the upload's S3 source, else (a presigned or vanished source)
    /// bytes derived from the media id, <see cref="MediaObject.FileSize"/> long, so a download is still checkable.
    /// </summary>
    private byte[] ContentOf(MediaObject media)
    {
        if (media.Content is { } content) return content;
        if (media.Source is { } source && source.StartsWith("s3://", StringComparison.Ordinal) && s3.IsConfigured)
        {
            var location = source["s3://".Length..].Split('/', 2);
            if (location.Length == 2 && s3.Read(location[0], location[1]) is { } bytes) return bytes;
        }
        var synthesized = new byte[Math.Clamp(media.FileSize, 0, 16 * 1024 * 1024)];
        new Random(BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(media.MediaId)))).NextBytes(synthesized);
        return synthesized;
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

    /// <summary>A live media object; deleted, expired and unknown ids are all "not found", as WhatsApp answers them.</summary>
    private MediaObject Find(SandboxWorld w, string mediaId) =>
        w.Media.TryGetValue(mediaId, out var media) && !media.Deleted && !Expired(media) ? media : throw EumException.NotFound($"Media {mediaId} was not found.");

    private bool Expired(MediaObject media) =>
        options.Value.MediaExpiryDays > 0 && media.CreatedAt is { } created && clock.GetUtcNow() - created > TimeSpan.FromDays(options.Value.MediaExpiryDays);
}
