namespace WhatsAppHub.Functions.Security;

/// <summary>
/// Endpoint metadata on every route behind <see cref="FunctionKeyFilter"/>: filters are invisible to API descriptions,
/// so the OpenAPI documents read this to know which operations need the key.
/// </summary>
public sealed class FunctionKeyRequired
{
    public static FunctionKeyRequired Instance { get; } = new();

    private FunctionKeyRequired()
    {
    }
}

public static class FunctionKeyEndpoints
{
    /// <summary>Puts the group behind the function key, and says so in its metadata, in one step so the two cannot drift.</summary>
    public static RouteGroupBuilder RequireFunctionKey(this RouteGroupBuilder group, string apiKey)
    {
        group.AddEndpointFilter(FunctionKeyFilter.For(apiKey)).WithMetadata(FunctionKeyRequired.Instance);
        return group;
    }
}
