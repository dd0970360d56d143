using System.Security.Cryptography;
using System.Text;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Security;

/// <summary>
/// Checks the function key the Azure Functions way: header <c>x-functions-key</c> or query <c>?code=</c>.
/// Keys are compared as SHA-256 digests in constant time, so neither the content nor the length leaks through timing.
/// </summary>
public sealed class FunctionKeyFilter(byte[] expectedKeyDigest) : IEndpointFilter
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    public static FunctionKeyFilter For(string apiKey) => new(Digest(apiKey));

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        string? presented = request.Headers[HeaderName].FirstOrDefault() ?? request.Query[QueryName].FirstOrDefault();
        if (string.IsNullOrEmpty(presented))
            return ValueTask.FromResult<object?>(HubProblems.Unauthorized("No function key: send it in the x-functions-key header or the code query parameter."));
        if (!CryptographicOperations.FixedTimeEquals(Digest(presented), expectedKeyDigest))
            return ValueTask.FromResult<object?>(HubProblems.Unauthorized("The function key is not valid."));
        return next(context);
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
