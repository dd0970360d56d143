using Microsoft.AspNetCore.Http;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Aws.Tests.Infrastructure;

namespace WhatsAppHub.Aws.Tests;

/// <summary>
/// SendWhatsAppMessage is not idempotent: the client must never resend it (the hub's send governor owns
/// those retries, with an idempotency record). Read-only calls keep the SDK's standard retries.
/// </summary>
public sealed class RetryTests
{
    private const int MaxErrorRetry = 2;
    private const string SendPath = "/v1/whatsapp/send";

    private static readonly Func<RecordedRequest, HttpContext, Task> InternalError = (_, context) =>
        RecordingHttpServer.Json(context, 500, """{"message":"boom"}""", new Dictionary<string, string> { ["x-amzn-ErrorType"] = "InternalServiceException" });

    private static readonly Func<RecordedRequest, HttpContext, Task> Throttled = (_, context) =>
        RecordingHttpServer.Json(context, 429, """{"message":"slow down"}""", new Dictionary<string, string> { ["x-amzn-ErrorType"] = "ThrottledRequestException" });

    private static readonly Func<RecordedRequest, HttpContext, Task> DropConnection = (_, context) =>
    {
        context.Abort();
        return Task.CompletedTask;
    };

    [Fact]
    public async Task Send_answered_with_a_500_reaches_the_server_once()
    {
        await using var server = await RecordingHttpServer.StartAsync();
        server.Responder = InternalError;
        using var client = TestClients.For(server, c => c.MaxErrorRetry = MaxErrorRetry);

        var error = await Assert.ThrowsAsync<SocialMessagingException>(() => client.SendWhatsAppMessageAsync(ErrorDecodingTests.SampleSend()));

        Assert.True(error.IsRetryable); // retryable in kind, but that is the caller's decision
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Send_answered_with_a_throttle_reaches_the_server_once()
    {
        await using var server = await RecordingHttpServer.StartAsync();
        server.Responder = Throttled;
        using var client = TestClients.For(server, c => c.MaxErrorRetry = MaxErrorRetry);

        var error = await Assert.ThrowsAsync<SocialMessagingException>(() => client.SendWhatsAppMessageAsync(ErrorDecodingTests.SampleSend()));

        Assert.Equal(SocialMessagingErrorType.Throttled, error.ErrorType);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Send_on_a_dropped_connection_reaches_the_server_once()
    {
        await using var server = await RecordingHttpServer.StartAsync();
        server.Responder = DropConnection;
        using var client = TestClients.For(server, c => c.MaxErrorRetry = MaxErrorRetry);

        await Assert.ThrowsAnyAsync<Exception>(() => client.SendWhatsAppMessageAsync(ErrorDecodingTests.SampleSend()));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Send_on_a_reused_connection_that_drops_reaches_the_server_once()
    {
        // The first call leaves a pooled keep-alive connection; the send then goes over it and the
        // server drops it after reading the request. Neither the SDK nor HttpClient may resend.
        await using var server = await RecordingHttpServer.StartAsync();
        server.Responder = (request, context) => request.Path == SendPath
            ? DropConnection(request, context)
            : RecordingHttpServer.Json(context, 200, "{}");
        using var client = TestClients.For(server, c => c.MaxErrorRetry = MaxErrorRetry);
        await client.ListLinkedWhatsAppBusinessAccountsAsync(new ListLinkedWhatsAppBusinessAccountsRequest());

        await Assert.ThrowsAnyAsync<Exception>(() => client.SendWhatsAppMessageAsync(ErrorDecodingTests.SampleSend()));

        Assert.Single(server.Requests, r => r.Path == SendPath);
    }

    [Fact]
    public async Task A_read_answered_with_500_is_retried_up_to_the_configured_limit()
    {
        await using var server = await RecordingHttpServer.StartAsync();
        server.Responder = InternalError;
        using var client = TestClients.For(server, c => c.MaxErrorRetry = MaxErrorRetry);

        var error = await Assert.ThrowsAsync<SocialMessagingException>(() =>
            client.GetLinkedWhatsAppBusinessAccountAsync(new GetLinkedWhatsAppBusinessAccountRequest { Id = "waba-1" }));

        Assert.Equal(SocialMessagingErrorType.InternalService, error.ErrorType);
        Assert.Equal(1 + MaxErrorRetry, server.Requests.Count);
    }

    [Fact]
    public async Task A_read_that_fails_once_succeeds_on_the_retry()
    {
        await using var server = await RecordingHttpServer.StartAsync();
        var calls = 0;
        server.Responder = (request, context) => Interlocked.Increment(ref calls) == 1
            ? InternalError(request, context)
            : RecordingHttpServer.Json(context, 200, """{"template":"{\"name\":\"t\"}"}""");
        using var client = TestClients.For(server, c => c.MaxErrorRetry = MaxErrorRetry);

        var response = await client.GetWhatsAppMessageTemplateAsync(new GetWhatsAppMessageTemplateRequest { Id = "waba-1", MetaTemplateId = "123" });

        Assert.Equal("""{"name":"t"}""", response.Template);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_throttled_read_is_retried()
    {
        await using var server = await RecordingHttpServer.StartAsync();
        server.Responder = Throttled;
        using var client = TestClients.For(server, c => c.MaxErrorRetry = MaxErrorRetry);

        await Assert.ThrowsAsync<SocialMessagingException>(() =>
            client.ListWhatsAppMessageTemplatesAsync(new ListWhatsAppMessageTemplatesRequest { Id = "waba-1" }));

        Assert.Equal(1 + MaxErrorRetry, server.Requests.Count);
    }

    [Fact]
    public async Task A_read_on_a_dropped_connection_is_retried()
    {
        await using var server = await RecordingHttpServer.StartAsync();
        server.Responder = DropConnection;
        using var client = TestClients.For(server, c => c.MaxErrorRetry = MaxErrorRetry);

        await Assert.ThrowsAnyAsync<Exception>(() =>
            client.GetLinkedWhatsAppBusinessAccountPhoneNumberAsync(new GetLinkedWhatsAppBusinessAccountPhoneNumberRequest { Id = "phone-number-id-1" }));

        Assert.True(server.Requests.Count > 1, $"expected retries, saw {server.Requests.Count} request(s)");
    }

    [Fact]
    public async Task A_validation_error_is_not_retried()
    {
        await using var server = await RecordingHttpServer.StartAsync();
        server.Responder = (_, context) => RecordingHttpServer.Json(context, 400, """{"message":"bad"}""",
            new Dictionary<string, string> { ["x-amzn-ErrorType"] = "ValidationException" });
        using var client = TestClients.For(server, c => c.MaxErrorRetry = MaxErrorRetry);

        await Assert.ThrowsAsync<SocialMessagingException>(() =>
            client.GetLinkedWhatsAppBusinessAccountAsync(new GetLinkedWhatsAppBusinessAccountRequest { Id = "waba-1" }));

        Assert.Single(server.Requests);
    }
}
