using System.Text.Json;
using System.Text.RegularExpressions;

namespace WhatsAppHub.Sandbox.Templates;

/// <summary>
/// <c>POST /sandbox/templates/{metaTemplateId}/status</c> <c>{ "event": "PAUSED", "reason"?: "…" }</c>: Meta changes a
/// template's status (approves, rejects, pauses, disables it); the template keeps the new status and the hub gets the
/// signed webhook. The answer is the SNS delivery, with the hub's answer.
/// </summary>
public static partial class TemplateRoutes
{
    private static readonly string[] Statuses =
        ["APPROVED", "PENDING", "REJECTED", "PAUSED", "DISABLED", "FLAGGED", "REINSTATED", "IN_APPEAL", "PENDING_DELETION", "DELETED", "ARCHIVED", "LIMIT_EXCEEDED", "LOCKED"];

    public static void MapTemplates(this WebApplication app)
    {
        app.MapPost("/sandbox/templates/{metaTemplateId}/status", async (string metaTemplateId, HttpRequest request, TemplateReview review,
            CancellationToken cancellationToken) =>
        {
            var errors = new List<FieldError>();
            if (!TemplateId().IsMatch(metaTemplateId))
            {
                errors.Add(new FieldError("route.metaTemplateId", "A Meta template id is 1-18 digits."));
            }
            string? status = null, reason = null;
            try
            {
                using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
                var root = body.RootElement;
                status = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                reason = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            }
            catch (JsonException)
            {
                errors.Add(new FieldError("$", "The body must be a JSON object."));
            }
            if (status is null || !Statuses.Contains(status))
            {
                errors.Add(new FieldError("$.event", "'event' must be one of: " + string.Join(", ", Statuses) + "."));
            }
            if (errors.Count > 0)
            {
                return ValidationProblem.For("The status change is not valid.", errors);
            }
            var delivery = await review.SetStatusAsync(metaTemplateId, status!, reason, only: null, cancellationToken);
            return delivery is null
                ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such template", detail: $"No template has the id {metaTemplateId}.")
                : Results.Json(delivery);
        });
    }

    [GeneratedRegex("^[0-9]{1,18}$")]
    private static partial Regex TemplateId();
}
