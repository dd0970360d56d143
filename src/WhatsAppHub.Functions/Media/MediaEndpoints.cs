using System.Text.Json.Nodes;
using WhatsAppHub.Core.Media;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Media;

/// <summary>Routes of the Media area: upload (multipart or an S3 key), read, delete, the formats table and a dry-run check.</summary>
public static class MediaEndpoints
{
    public static RouteGroupBuilder MapMediaEndpoints(this RouteGroupBuilder api)
    {
        var media = api.MapGroup("/media").WithTags("Media");
        media.MapGet("/formats", () => Results.Ok(new { formats = MediaFormats.All.Select(FormatView) }))
            .WithName("GetMediaFormats")
            .WithSummary("The media WhatsApp accepts: MIME types, file extensions and the largest file, per type.");
        media.MapPost("/validate", ValidateAsync).WithName("ValidateMedia")
            .WithSummary("Check a file's type, MIME type, size and name against WhatsApp's limits without uploading it.");

        // These need the media bucket; without one they answer 503 instead of failing inside S3.
        var stored = media.MapGroup(string.Empty).AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<HubOptions>().Media.Bucket is null
                ? HubProblems.MediaStoreUnavailable("No media bucket is configured: set Media__Bucket.", retryable: false)
                : await next(context));
        stored.MapPost("/", (HttpRequest request, UploadMediaHandler handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName("UploadMedia")
            .WithSummary("Upload a file for sending (multipart 'file' part, or JSON { s3Key } naming an object in the media bucket); answers 201 with the hub media id.");
        stored.MapGet("/{id}", (string id, GetMediaHandler handler, CancellationToken ct) => handler.HandleAsync(id, ct)).WithName("GetMedia")
            .WithSummary("Read media by its hub media id (an upload) or its WhatsApp media id (media a contact sent): metadata, the download's status, and a presigned URL to fetch the file.");
        stored.MapDelete("/{id}", (string id, DeleteMediaHandler handler, CancellationToken ct) => handler.HandleAsync(id, ct))
            .WithName("DeleteMedia")
            .WithSummary("Delete an upload from WhatsApp and the media bucket (repeatable).");
        return api;
    }

    private static async Task<IResult> ValidateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, 8 * 1024, cancellationToken);
        if (body.Problem is not null) return body.Problem;

        var errors = new ValidationErrors();
        var json = JsonBody.ParseObject(body.Bytes.Span, errors);
        if (json is null) return HubProblems.Validation(errors.All);
        var type = JsonRules.String(json, "type", JsonPath.Root, errors, required: false);
        var mimeType = JsonRules.String(json, "mimeType", JsonPath.Root, errors, required: false);
        var fileName = JsonRules.String(json, "fileName", JsonPath.Root, errors, required: false);
        var animated = JsonRules.Boolean(json, "animated", JsonPath.Root, errors);
        var size = Size(json, errors);
        JsonRules.OnlyKnownMembers(json, JsonPath.Root, errors, new HashSet<string> { "type", "mimeType", "size", "fileName", "animated" });
        // Rules are checked even when a member had the wrong JSON type, so every broken rule is named at once.
        var checkedAs = MediaFileRules.Validate(new MediaFile(type, mimeType, size, fileName, animated), MediaFilePaths.Json, errors);
        if (!errors.IsEmpty) return HubProblems.Validation(Distinct(errors.All));
        var format = MediaFormats.For(checkedAs!, animated == true)!;
        return Results.Ok(new { valid = true, type = checkedAs, variant = format.Variant, maxBytes = format.MaxBytes });
    }

    private static long? Size(JsonObject json, ValidationErrors errors)
    {
        if (json["size"] is not { } node) return null;
        if (node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number && value.TryGetValue<long>(out var size)) return size;
        errors.Add("$.size", "type", "'size' must be a whole number of bytes.");
        return -1; // recorded; keeps the rules from adding "required" for the same member
    }

    /// <summary>One entry per path: a member of the wrong JSON type is not also reported as missing.</summary>
    private static List<ValidationError> Distinct(IReadOnlyList<ValidationError> errors) =>
        errors.GroupBy(e => e.Path).Select(g => g.First()).ToList();

    private static object FormatView(MediaFormat f) => new
    {
        type = f.Type,
        variant = f.Variant,
        mimeTypes = f.MimeTypes.Select(m => new { mimeType = m.Key, extensions = m.Value }),
        maxBytes = f.MaxBytes,
        notes = f.Notes,
    };
}
