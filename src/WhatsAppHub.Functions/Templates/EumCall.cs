using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Templates;

/// <summary>
/// One EUM call of the template routes: its answer, or the problem document that says why EUM refused or did not
/// answer (<see cref="EumProblem"/>). Only the call itself is wrapped, so a storage failure around it still reaches
/// the storage handler (503) instead of passing for an EUM error.
/// </summary>
public static class EumCall
{
    public static async Task<(T? Response, IResult? Problem)> RunAsync<T>(Func<Task<T>> call, ILogger logger, string operation,
        CancellationToken cancellationToken) where T : class
    {
        try
        {
            return (await call(), null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("EUM {Operation} failed: {Reason}", operation, e.Message);
            return (null, EumProblem.From(e).ToResult());
        }
    }
}
