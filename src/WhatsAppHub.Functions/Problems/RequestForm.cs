using Microsoft.AspNetCore.Http.Features;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Functions.Problems;

/// <summary>
/// Reads a <c>multipart/form-data</c> body within the caller's limits, turning each refusal into a problem document: a
/// body over its length limit gets the caller's 413, a malformed one a 400 at <c>$</c>, never a 500.
/// </summary>
public static class RequestForm
{
    public static async Task<(IFormCollection? Form, IResult? Problem)> ReadAsync(HttpRequest request, FormOptions limits, Func<IResult> tooLarge,
        CancellationToken cancellationToken)
    {
        try
        {
            return (await request.ReadFormAsync(limits, cancellationToken), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, tooLarge());
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or InvalidOperationException or IOException)
        {
            return (null, HubProblems.Validation([new ValidationError(JsonPath.Root, "multipart",
                "The body is not valid multipart/form-data (" + e.Message.TrimEnd('.') + ").")]));
        }
    }
}
