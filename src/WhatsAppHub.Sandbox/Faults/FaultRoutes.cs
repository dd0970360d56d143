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

    private static IResult Invalid(IReadOnlyList<FaultPlanError> errors) =>
        ValidationProblem.For("The fault plan is not valid.", errors.Select(e => new FieldError(e.Path, e.Message)).ToList());
}
