using System.Text;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Templates;

/// <summary>
/// <c>POST /api/templates/media</c> <c>{ "s3Key" }</c>: EUM (CreateWhatsAppMessageTemplateMedia) hands an object of the
/// media bucket to Meta and answers the header handle a definition's <c>example.header_handle</c> needs. Only the hub's
/// own bucket is read: a caller cannot make EUM read a bucket the hub was not given.
/// </summary>
public sealed class TemplateMediaHandler(ISocialMessaging eum, WabaResolver wabas, HubOptions options, ILogger<TemplateMediaHandler> logger)
{
    public const int MaxBodyBytes = 4 * 1024;
    public const int MaxKeyLength = 1024;

    private static readonly HashSet<string> Known = ["s3Key"];

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var given = WabaResolver.Read(request.Query, errors);
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null) return body.Problem;
        var json = JsonBody.ParseObject(body.Bytes.Span, errors);
        string? key = null;
        if (json is not null)
        {
            key = JsonRules.String(json, "s3Key", JsonPath.Root, errors, required: true, minLength: 1);
            if (key is not null && (Encoding.UTF8.GetByteCount(key) > MaxKeyLength || key.Any(char.IsControl)))
                errors.Add("$.s3Key", "pattern", $"'s3Key' must be an S3 key: at most {MaxKeyLength} bytes, no control characters.");
            JsonRules.OnlyKnownMembers(json, JsonPath.Root, errors, Known);
        }
        if (!errors.IsEmpty) return HubProblems.Validation(errors.All);
        if (options.Media.Bucket is not { } bucket)
            return HubProblems.MediaStoreUnavailable("No media bucket is configured: set Media__Bucket.", retryable: false);

        var (wabaId, wabaProblem) = await wabas.ResolveAsync(given, cancellationToken);
        if (wabaProblem is not null) return wabaProblem;
        var (response, problem) = await EumCall.RunAsync(() => eum.CreateWhatsAppMessageTemplateMediaAsync(new CreateWhatsAppMessageTemplateMediaRequest
        {
            Id = wabaId!,
            SourceS3File = new S3File { BucketName = bucket, Key = key! },
        }, cancellationToken), logger, "CreateWhatsAppMessageTemplateMedia", cancellationToken);
        if (problem is not null) return problem;
        return Results.Ok(new { headerHandle = response!.MetaHeaderHandle, s3Key = key });
    }
}
