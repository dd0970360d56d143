using Microsoft.AspNetCore.Mvc;
using WhatsAppHub.Sandbox.Eum;

namespace WhatsAppHub.Sandbox.Faults;

/// <summary>PUT replaces the fault plan, GET shows it with what it injected, DELETE clears it.</summary>
public static class FaultRoutes
{
    public static void MapFaults(this WebApplication app)
    {
        var operations = EumRoutes.AllOperations(app.Services).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var group = app.MapGroup("/sandbox/faults");

        group.MapGet("", (FaultInjector faults) => Results.Json(faults.Describe()));
        group.MapPut("", async (HttpRequest request, FaultInjector faults) =>
        {
            using var reader = new StreamReader(request.Body);
            var (plan, errors) = FaultPlanReader.Read(await reader.ReadToEndAsync(request.HttpContext.RequestAborted), operations);
            if (plan is null) return Invalid(errors);
            faults.Replace(plan);
            return Results.Json(faults.Describe());
        });
        group.MapDelete("", (FaultInjector faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
    }

    /// <summary>RFC 9457, one entry per broken field, in the same shape the hub uses.</summary>
    private static IResult Invalid(IReadOnlyList<FaultPlanError> errors) =>
        Results.Problem(new ProblemDetails
        {
            Type = "urn:whatsapphub:sandbox:problem:validation",
            Title = "The fault plan is not valid.",
            Status = StatusCodes.Status400BadRequest,
            Detail = errors.Count == 1 ? errors[0].Message : $"{errors.Count} rules are broken; see errors.",
            Extensions = { ["errors"] = errors.Select(e => new { path = e.Path, message = e.Message }).ToArray() },
        });
}
