using WhatsAppHub.Core.Media;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Functions.Media;

/// <summary>
/// The JSON form of <c>POST /api/media</c>: <c>{ "s3Key": "…", "type"?, "phoneNumberId"? }</c> naming an object already
/// in the hub's bucket (put there by the caller, e.g. with a presigned URL), so large files need not pass through the hub.
/// </summary>
public sealed record S3KeyUploadRequest(string S3Key, string? Type, string? PhoneNumberId)
{
    public const int MaxBodyBytes = 8 * 1024;

    /// <summary>S3 keys have at most 1,024 bytes of UTF-8 (EUM's S3File.key has the same cap).</summary>
    public const int MaxKeyLength = 1024;

    /// <summary>The object's facts come from S3, so every file rule names <c>$.s3Key</c>.</summary>
    public static MediaFilePaths Paths { get; } = new("$.type", "$.s3Key", "$.s3Key", "$.s3Key");

    private static readonly HashSet<string> Known = ["s3Key", "type", "phoneNumberId"];

    public static (S3KeyUploadRequest? Request, IReadOnlyList<ValidationError> Errors) Read(ReadOnlySpan<byte> utf8Json)
    {
        var errors = new ValidationErrors();
        var body = JsonBody.ParseObject(utf8Json, errors);
        if (body is null) return (null, errors.All);

        var key = JsonRules.String(body, "s3Key", JsonPath.Root, errors, required: true, minLength: 1);
        if (key is not null && (System.Text.Encoding.UTF8.GetByteCount(key) > MaxKeyLength || key.Any(char.IsControl)))
            errors.Add("$.s3Key", "pattern", $"'s3Key' must be an S3 key: at most {MaxKeyLength} bytes, no control characters.");
        var type = JsonRules.String(body, "type", JsonPath.Root, errors, required: false);
        var phone = JsonRules.String(body, "phoneNumberId", JsonPath.Root, errors, required: false);
        JsonRules.OnlyKnownMembers(body, JsonPath.Root, errors, Known);
        return errors.IsEmpty ? (new S3KeyUploadRequest(key!, type, phone), errors.All) : (null, errors.All);
    }
}
