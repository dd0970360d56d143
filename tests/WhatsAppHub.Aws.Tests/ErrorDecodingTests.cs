using System.Net;
using System.Text;
using System.Text.Json;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Aws.Tests.Infrastructure;

namespace WhatsAppHub.Aws.Tests;

/// <summary>
/// Error answers become <see cref="SocialMessagingException"/> with the type named on the wire (header, else
/// <c>__type</c>, else <c>code</c>), never guessed from the status. Status codes and retryability of the
/// model's errors are read from the model (smithy.api#httpError, smithy.api#retryable).
/// </summary>
public sealed class ErrorDecodingTests
{
    // The contract's names for the model's error shapes and AWS's front-door auth errors.
    private static readonly Dictionary<string, SocialMessagingErrorType> ModelErrors = new()
    {
        ["AccessDeniedException"] = SocialMessagingErrorType.AccessDenied,
        ["AccessDeniedByMetaException"] = SocialMessagingErrorType.AccessDeniedByMeta,
        ["InvalidParametersException"] = SocialMessagingErrorType.InvalidParameters,
        ["ValidationException"] = SocialMessagingErrorType.Validation,
        ["ResourceNotFoundException"] = SocialMessagingErrorType.ResourceNotFound,
        ["LimitExceededException"] = SocialMessagingErrorType.LimitExceeded,
        ["ThrottledRequestException"] = SocialMessagingErrorType.Throttled,
        ["InternalServiceException"] = SocialMessagingErrorType.InternalService,
        ["DependencyException"] = SocialMessagingErrorType.Dependency,
    };

    private static readonly Dictionary<string, SocialMessagingErrorType> AuthErrors = new()
    {
        ["InvalidSignatureException"] = SocialMessagingErrorType.InvalidSignature,
        ["IncompleteSignatureException"] = SocialMessagingErrorType.InvalidSignature,
        ["UnrecognizedClientException"] = SocialMessagingErrorType.UnrecognizedClient,
        ["MissingAuthenticationTokenException"] = SocialMessagingErrorType.MissingAuthenticationToken,
    };

    public enum Delivery
    {
        Header,
        HeaderWithUri,
        TypeInBody,
        CodeInBody,
    }

    public static TheoryData<string, Delivery> Cases()
    {
        var data = new TheoryData<string, Delivery>();
        foreach (var name in ModelErrors.Keys.Concat(AuthErrors.Keys))
        foreach (var delivery in Enum.GetValues<Delivery>())
            data.Add(name, delivery);
        return data;
    }

    [Fact]
    public void The_model_has_exactly_the_nine_error_types_mapped_here()
    {
        Assert.Equal(ModelErrors.Keys.Order(StringComparer.Ordinal), SmithyModel.Instance.ErrorShapeNames);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Error_type_status_message_and_retryability_survive_decoding(string errorName, Delivery delivery)
    {
        var (status, retryable) = Expectations(errorName);
        var message = $"{errorName} happened: \"quoted\" détail";
        // AWS's front door writes "Message"; the service writes "message".
        var messageKey = AuthErrors.ContainsKey(errorName) ? "Message" : "message";
        var body = new Dictionary<string, string> { [messageKey] = message };
        var headers = new Dictionary<string, string> { ["x-amzn-RequestId"] = "req-" + errorName };
        switch (delivery)
        {
            case Delivery.Header:
                headers["x-amzn-ErrorType"] = errorName;
                break;
            case Delivery.HeaderWithUri:
                headers["x-amzn-ErrorType"] = $"{errorName}:http://internal.amazon.com/coral/com.amazon.coral.service/";
                break;
            case Delivery.TypeInBody:
                body["__type"] = $"com.amazonaws.socialmessaging#{errorName}:http://internal.amazon.com/coral/com.amazonaws.socialmessaging/";
                break;
            case Delivery.CodeInBody:
                body["code"] = errorName;
                break;
        }

        await using var server = await RecordingHttpServer.StartAsync();
        server.Responder = (_, context) => RecordingHttpServer.Json(context, (int)status, JsonSerializer.Serialize(body), headers);
        using var client = TestClients.For(server);

        // SendWhatsAppMessage is never retried, so even the retryable types arrive after one request.
        var error = await Assert.ThrowsAsync<SocialMessagingException>(() => client.SendWhatsAppMessageAsync(SampleSend()));

        Assert.Equal(ExpectedType(errorName), error.ErrorType);
        Assert.Equal(retryable, error.IsRetryable);
        Assert.Equal(message, error.Message);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(errorName, error.ErrorCode);
        Assert.Equal("req-" + errorName, error.RequestId);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task The_header_wins_over_the_body()
    {
        var error = await ErrorFor(400, """{"__type":"ValidationException","message":"m"}""",
            new() { ["x-amzn-ErrorType"] = "InvalidParametersException" });
        Assert.Equal(SocialMessagingErrorType.InvalidParameters, error.ErrorType);
    }

    [Fact]
    public async Task Type_wins_over_code_in_the_body()
    {
        var error = await ErrorFor(400, """{"__type":"aws.protocoltests.restjson#LimitExceededException:http://x","code":"ValidationException"}""", new());
        Assert.Equal(SocialMessagingErrorType.LimitExceeded, error.ErrorType);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(429)]
    [InlineData(400)]
    public async Task Status_alone_never_names_a_type(int status)
    {
        var error = await ErrorFor(status, """{"message":"no type given"}""", new());
        Assert.Equal(SocialMessagingErrorType.Unknown, error.ErrorType);
        Assert.False(error.IsRetryable);
        Assert.Equal("no type given", error.Message);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_still_yields_the_header_type()
    {
        var error = await ErrorFor(502, "<html>Bad Gateway</html>", new() { ["x-amzn-ErrorType"] = "DependencyException" });
        Assert.Equal(SocialMessagingErrorType.Dependency, error.ErrorType);
        Assert.True(error.IsRetryable);
        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
    }

    [Fact]
    public async Task An_unknown_type_name_is_kept_as_the_error_code()
    {
        var error = await ErrorFor(409, """{"__type":"ConflictException","message":"new in a later model"}""", new());
        Assert.Equal(SocialMessagingErrorType.Unknown, error.ErrorType);
        Assert.Equal("ConflictException", error.ErrorCode);
    }

    private static async Task<SocialMessagingException> ErrorFor(int status, string body, Dictionary<string, string> headers)
    {
        await using var server = await RecordingHttpServer.StartAsync();
        server.Responder = (_, context) => RecordingHttpServer.Json(context, status, body, headers);
        using var client = TestClients.For(server);
        return await Assert.ThrowsAsync<SocialMessagingException>(() => client.SendWhatsAppMessageAsync(SampleSend()));
    }

    private static (HttpStatusCode Status, bool Retryable) Expectations(string errorName)
    {
        if (AuthErrors.ContainsKey(errorName)) return (HttpStatusCode.Forbidden, false);
        var traits = SmithyModel.Traits(SmithyModel.Instance.Shape(SmithyModel.Namespace + errorName));
        return ((HttpStatusCode)traits.GetProperty("smithy.api#httpError").GetInt32(),
            traits.TryGetProperty("smithy.api#retryable", out _));
    }

    private static SocialMessagingErrorType ExpectedType(string errorName) =>
        ModelErrors.TryGetValue(errorName, out var type) ? type : AuthErrors[errorName];

    internal static SendWhatsAppMessageRequest SampleSend() => new()
    {
        OriginationPhoneNumberId = "phone-number-id-0123456789abcdef0123456789abcdef",
        Message = Encoding.UTF8.GetBytes("""{"messaging_product":"whatsapp","to":"15555550100","type":"text","text":{"body":"Hi"}}"""),
        MetaApiVersion = "v20.0",
    };
}
