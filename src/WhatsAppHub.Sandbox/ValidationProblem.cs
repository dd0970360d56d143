using Microsoft.AspNetCore.Mvc;

namespace WhatsAppHub.Sandbox;

/// <summary>A broken field of a request to a <c>/sandbox</c> route, named by path (<c>$.rules[0].rate</c>, <c>query.copies</c>).</summary>
public sealed record FieldError(string Path, string Message);

/// <summary>The sandbox's RFC 9457 answer to a bad request: one entry per broken field, in the same shape the hub uses.</summary>
public static class ValidationProblem
{
    public static IResult For(string title, IReadOnlyList<FieldError> errors) =>
        Results.Problem(new ProblemDetails
        {
            Type = "urn:whatsapphub:sandbox:problem:validation",
            Title = title,
            Status = StatusCodes.Status400BadRequest,
            Detail = errors.Count == 1 ? errors[0].Message : $"{errors.Count} rules are broken; see errors.",
            Extensions = { ["errors"] = errors.Select(e => new { path = e.Path, message = e.Message }).ToArray() },
        });
}
