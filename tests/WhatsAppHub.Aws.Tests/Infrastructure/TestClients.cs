using System.Reflection;
using Amazon.Runtime;
using WhatsAppHub.Aws.Eum;

namespace WhatsAppHub.Aws.Tests.Infrastructure;

public static class TestClients
{
    public const string AccessKeyId = "AKIDEXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string Region = "eu-west-1";

    /// <summary>The real client, pointed at a loopback server and signing for <see cref="Region"/>.</summary>
    public static SocialMessagingClient For(RecordingHttpServer server, Action<SocialMessagingConfig>? configure = null, AWSCredentials? credentials = null)
    {
        var config = new SocialMessagingConfig
        {
            ServiceURL = server.BaseAddress.GetLeftPart(UriPartial.Authority),
            AuthenticationRegion = Region,
        };
        configure?.Invoke(config);
        return new SocialMessagingClient(credentials ?? new BasicAWSCredentials(AccessKeyId, SecretKey), config);
    }

    /// <summary>Calls <c>{operation}Async</c> through <see cref="ISocialMessaging"/> and returns the typed response.</summary>
    public static async Task<AmazonWebServiceResponse> CallAsync(ISocialMessaging client, string operation, AmazonWebServiceRequest request)
    {
        var method = typeof(ISocialMessaging).GetMethod(operation + "Async")
            ?? throw new Xunit.Sdk.XunitException($"ISocialMessaging has no {operation}Async.");
        try
        {
            var task = (Task)method.Invoke(client, [request, CancellationToken.None])!;
            await task;
            return (AmazonWebServiceResponse)task.GetType().GetProperty("Result")!.GetValue(task)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
