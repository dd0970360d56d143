namespace WhatsAppHub.Functions.Health;

/// <summary><c>GET /api/health</c>: open without a key, so load balancers and run.sh can probe it.</summary>
public static class HealthEndpoints
{
    public static RouteGroupBuilder MapHealthEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/health", async (HealthProbe probe, CancellationToken cancellationToken) =>
        {
            var report = await probe.CheckAsync(cancellationToken);
            return Results.Json(report, statusCode: report.Status == HealthProbe.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).WithName("Health").WithTags("Health").WithSummary("Storage and EUM reachability.");
        return api;
    }
}
