using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Functions.Problems;

/// <summary>
/// The hub's RFC 9457 problem documents. Each kind has a stable <c>type</c> URN (listed in docs/operations.md)
/// so clients and connectors can branch on it without parsing prose.
/// </summary>
public static class HubProblems
{
    public static string TypeUri(string slug) => $"urn:whatsapphub:problem:{slug}";

    /// <summary>400 with one entry per broken rule: <c>errors: [{ path, rule, message }]</c>.</summary>
    public static IResult Validation(IReadOnlyList<ValidationError> errors) =>
        Results.Problem(
            type: TypeUri("validation"),
            title: "The request is not valid.",
            statusCode: StatusCodes.Status400BadRequest,
            detail: errors.Count == 1 ? errors[0].Message : $"{errors.Count} rules are broken; see errors.",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = ErrorList(errors),
            });

    /// <summary>413 for a file over its type's limit, with the same <c>errors</c> list as <see cref="Validation"/>.</summary>
    public static IResult MediaTooLarge(IReadOnlyList<ValidationError> errors) =>
        Results.Problem(
            type: TypeUri("media-too-large"),
            title: "The file is too large for WhatsApp.",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            detail: errors[0].Message,
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = ErrorList(errors),
            });

    /// <summary>503 when the media bucket cannot be used: not configured, or S3 did not answer.</summary>
    public static IResult MediaStoreUnavailable(string detail, bool retryable) =>
        Results.Problem(type: TypeUri("media-store-unavailable"), title: "The media store is not available.",
            statusCode: StatusCodes.Status503ServiceUnavailable, detail: detail,
            extensions: new Dictionary<string, object?> { ["retryable"] = retryable });

    public static IResult Unauthorized(string detail) =>
        Results.Problem(type: TypeUri("unauthorized"), title: "A valid function key is required.",
            statusCode: StatusCodes.Status401Unauthorized, detail: detail);

    public static IResult NotFound(string detail) =>
        Results.Problem(type: TypeUri("not-found"), title: "Not found.", statusCode: StatusCodes.Status404NotFound, detail: detail);

    public static IResult Conflict(string slug, string title, string detail) =>
        Results.Problem(type: TypeUri(slug), title: title, statusCode: StatusCodes.Status409Conflict, detail: detail);

    /// <summary>A template the hub knows Meta will not send now (paused: 132015, disabled: 132016, or not approved).</summary>
    public static IResult TemplateNotSendable(string name, string language, string status) =>
        Results.Problem(type: TypeUri("template-not-sendable"), title: "The template cannot be sent in its current status.",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            detail: $"Template '{name}' ({language}) is {status}; only APPROVED (or FLAGGED, REINSTATED) templates are sent.",
            extensions: new Dictionary<string, object?> { ["templateStatus"] = status });

    public static IResult ServiceWindowClosed(string detail) =>
        Results.Problem(type: TypeUri("service-window-closed"), title: "The contact's 24-hour window is closed.",
            statusCode: StatusCodes.Status422UnprocessableEntity, detail: detail,
            extensions: new Dictionary<string, object?>
            {
                ["hint"] = "Free-form messages need a message from the contact in the last 24 hours; send an approved template (type \"template\") instead.",
            });

    public static IResult StorageUnavailable(string detail) =>
        Results.Problem(type: TypeUri("storage-unavailable"), title: "Storage is not available.",
            statusCode: StatusCodes.Status503ServiceUnavailable, detail: detail,
            extensions: new Dictionary<string, object?> { ["retryable"] = true });

    /// <summary>403 for an SNS message that is not provably SNS's for an allowed topic; nothing was stored.</summary>
    public static IResult SnsMessageRefused(string detail) =>
        Results.Problem(type: TypeUri("sns-message-refused"), title: "The SNS message was refused.",
            statusCode: StatusCodes.Status403Forbidden, detail: detail);

    /// <summary>503 when SNS's signing certificate or SubscribeURL could not be reached for now; SNS retries.</summary>
    public static IResult SnsUnavailable(string detail) =>
        Results.Problem(type: TypeUri("sns-unavailable"), title: "SNS could not be reached to check the message.",
            statusCode: StatusCodes.Status503ServiceUnavailable, detail: detail,
            extensions: new Dictionary<string, object?> { ["retryable"] = true });

    private static object[] ErrorList(IReadOnlyList<ValidationError> errors) =>
        errors.Select(e => (object)new { path = e.Path, rule = e.Rule, message = e.Message }).ToArray();
}
