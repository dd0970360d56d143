namespace WhatsAppHub.Sandbox.Eum;

/// <summary>Binds every operation of every <see cref="IEumOperationGroup"/> to its method and URI.</summary>
public static class EumRoutes
{
    public static IReadOnlyList<EumOperation> AllOperations(IServiceProvider services) =>
        services.GetServices<IEumOperationGroup>().SelectMany(g => g.Operations).ToList();

    public static void MapEum(this WebApplication app)
    {
        foreach (var operation in AllOperations(app.Services))
        {
            app.MapMethods(operation.Path, [operation.Method], (HttpContext context, EumPipeline pipeline) => pipeline.HandleAsync(context, operation))
                .WithName(operation.Name);
        }

        // Anything else under the EUM prefixes (wrong method, unknown path) is still signature-checked
        // and recorded, then answered as an unknown operation.
        app.MapFallback("/v1/{**rest}", (HttpContext context, EumPipeline pipeline) => pipeline.HandleAsync(context, null));
    }
}
