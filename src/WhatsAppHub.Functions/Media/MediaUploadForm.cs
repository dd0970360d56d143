using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using WhatsAppHub.Core.Media;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Media;

/// <summary>
/// Reads <c>multipart/form-data</c> for <c>POST /api/media</c>: one <c>file</c> part plus optional <c>type</c> and
/// <c>phoneNumberId</c> fields. A malformed body, an unknown field or a missing part becomes a problem, never a 500.
/// The form is read here, after the function-key filter, never by parameter binding: an unauthenticated caller
/// must not get a 100 MB body read.
/// </summary>
public sealed record MediaUploadForm(IFormFile File, string? Type, string? PhoneNumberId)
{
    /// <summary>The largest file WhatsApp takes plus room for the multipart framing and the small fields.</summary>
    public static long MaxBodyBytes { get; } = MediaFormats.LargestMaxBytes + 64 * 1024;

    /// <summary>Where the rules name the file's facts in a multipart upload.</summary>
    public static MediaFilePaths Paths { get; } = new("$.type", "$.file.contentType", "$.file.size", "$.file.fileName");

    private static readonly HashSet<string> KnownFields = ["type", "phoneNumberId"];

    public static async Task<(MediaUploadForm? Form, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes) return (null, TooLarge());
        // Kestrel caps bodies at ~28.6 MB by default; a document may have 100 MB.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;

        var (form, problem) = await RequestForm.ReadAsync(request, new FormOptions
        {
            MultipartBodyLengthLimit = MaxBodyBytes,
            ValueCountLimit = 8,
            KeyLengthLimit = 64,
            ValueLengthLimit = 1024,
            MultipartHeadersLengthLimit = 8 * 1024,
        }, TooLarge, cancellationToken);
        if (form is null) return (null, problem);

        var errors = new ValidationErrors();
        foreach (var key in form.Keys.Where(k => !KnownFields.Contains(k)))
            errors.Add(JsonPath.Member(JsonPath.Root, key), "unknownMember", $"'{key}' is not a field the upload accepts (file, type, phoneNumberId).");
        foreach (var file in form.Files.Where(f => f.Name != "file"))
            errors.Add(JsonPath.Member(JsonPath.Root, file.Name), "unknownMember", $"'{file.Name}' is not a file part the upload accepts; name it 'file'.");
        var files = form.Files.GetFiles("file");
        if (files.Count == 0) errors.Add("$.file", "required", "A 'file' part is required.");
        else if (files.Count > 1) errors.Add("$.file", "maxItems", "Send one 'file' part per upload.");

        var type = Single(form, "type", errors);
        var phoneNumberId = Single(form, "phoneNumberId", errors);
        return errors.IsEmpty ? (new MediaUploadForm(files[0], type, phoneNumberId), null) : (null, HubProblems.Validation(errors.All));
    }

    /// <summary>The file's MIME type: its part's Content-Type, or its name's extension when the client sent a generic one.</summary>
    public string? MimeType =>
        File.ContentType is { Length: > 0 } contentType && !contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase)
            ? contentType
            : MediaFormats.MimeTypeOf(File.FileName) ?? NullIfEmpty(File.ContentType);

    private static string? Single(IFormCollection form, string name, ValidationErrors errors)
    {
        if (!form.TryGetValue(name, out var values)) return null;
        if (values.Count != 1) errors.Add(JsonPath.Member(JsonPath.Root, name), "type", $"'{name}' must be given once.");
        return values.Count == 1 ? values[0] : null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static IResult TooLarge() =>
        HubProblems.MediaTooLarge([new ValidationError("$.file", MediaFileRules.MaxSizeRule,
            $"An upload may carry at most {MediaFormats.LargestMaxBytes} bytes (a 100 MB document); smaller limits apply per type (GET /api/media/formats).")]);
}
