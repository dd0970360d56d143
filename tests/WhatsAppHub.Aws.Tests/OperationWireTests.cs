using System.Text;
using System.Text.Json.Nodes;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Aws.Tests.Infrastructure;

namespace WhatsAppHub.Aws.Tests;

/// <summary>
/// Every operation of the Smithy model, through the real client, against a loopback server: the request
/// line, query and body must be what the model prescribes, and the canned answer must decode fully.
/// </summary>
public sealed class OperationWireTests
{
    private static readonly SmithyModel Model = SmithyModel.Instance;
    private readonly ModelSamples _samples = new(Model);

    public static TheoryData<string> Operations()
    {
        var data = new TheoryData<string>();
        foreach (var name in SmithyModel.Instance.OperationNames) data.Add(name);
        return data;
    }

    [Fact]
    public void The_interface_has_exactly_the_models_operations()
    {
        Assert.Equal(21, Model.OperationNames.Count);
        var methods = typeof(ISocialMessaging).GetMethods().Select(m => m.Name).Order(StringComparer.Ordinal);
        Assert.Equal(Model.OperationNames.Select(n => n + "Async"), methods);
        foreach (var name in Model.OperationNames)
        {
            var method = typeof(ISocialMessaging).GetMethod(name + "Async")!;
            Assert.Equal([ModelSamples.RequestType(name), typeof(CancellationToken)], method.GetParameters().Select(p => p.ParameterType));
            Assert.Equal(typeof(Task<>).MakeGenericType(ModelSamples.ResponseType(name)), method.ReturnType);
        }
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Request_with_every_member_is_bound_as_the_model_says(string operation)
    {
        var sample = _samples.BuildRequest(operation, everyMember: true);
        var seen = await SendAsync(operation, sample);
        AssertWire(operation, sample, seen);
        _samples.AssertNoExtraProperties(ModelSamples.RequestType(operation), Model.GetOperation(operation).InputId);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Request_with_only_required_members_leaves_the_rest_off_the_wire(string operation)
    {
        var sample = _samples.BuildRequest(operation, everyMember: false);
        var seen = await SendAsync(operation, sample);
        AssertWire(operation, sample, seen);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Response_decodes_every_member_of_the_models_output(string operation)
    {
        var (wire, expected) = _samples.BuildOutput(operation);
        await using var server = await RecordingHttpServer.StartAsync();
        server.Responder = (_, context) => RecordingHttpServer.Json(context, 200, wire.ToJsonString(),
            new Dictionary<string, string> { ["x-amzn-RequestId"] = "req-" + operation });
        using var client = TestClients.For(server);

        var response = await TestClients.CallAsync(client, operation, _samples.BuildRequest(operation, everyMember: false).Request);

        Assert.IsType(ModelSamples.ResponseType(operation), response);
        Assert.Equal("req-" + operation, response.ResponseMetadata.RequestId);
        var outputId = Model.GetOperation(operation).OutputId;
        _samples.AssertNoExtraProperties(response.GetType(), outputId);
        foreach (var member in Model.Members(outputId))
        {
            var actual = response.GetType().GetProperty(member.PropertyName)!.GetValue(response);
            _samples.AssertDecoded(member.Target, expected[member.PropertyName], actual, $"{operation}.{member.Name}");
        }
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Response_with_an_empty_body_decodes_to_unset_members(string operation)
    {
        await using var server = await RecordingHttpServer.StartAsync();
        server.Responder = (_, context) => { context.Response.StatusCode = 200; return Task.CompletedTask; };
        using var client = TestClients.For(server);

        var response = await TestClients.CallAsync(client, operation, _samples.BuildRequest(operation, everyMember: false).Request);

        foreach (var property in response.GetType().GetProperties().Where(p => p.DeclaringType == response.GetType()))
        {
            var value = property.GetValue(response);
            Assert.True(value is null || value is System.Collections.IList { Count: 0 }, $"{operation}.{property.Name} should be unset, was {value}");
        }
    }

    [Fact]
    public async Task Template_library_without_filters_posts_an_empty_object()
    {
        await using var server = await RecordingHttpServer.StartAsync();
        using var client = TestClients.For(server);

        await client.ListWhatsAppTemplateLibraryAsync(new ListWhatsAppTemplateLibraryRequest { Id = "waba-0123456789abcdef" });

        var seen = Assert.Single(server.Requests);
        Assert.Equal("POST", seen.Method);
        Assert.Equal("/v1/whatsapp/template/library", seen.Path);
        Assert.Equal("id=waba-0123456789abcdef", seen.RawQuery);
        Assert.Equal("{}", Encoding.UTF8.GetString(seen.Body));
        Assert.Equal("application/json", seen.Header("Content-Type"));
    }

    [Fact]
    public async Task Delete_template_sends_deleteAllLanguages_as_deleteAllTemplates()
    {
        await using var server = await RecordingHttpServer.StartAsync();
        using var client = TestClients.For(server);

        await client.DeleteWhatsAppMessageTemplateAsync(new DeleteWhatsAppMessageTemplateRequest
        {
            Id = "waba-1",
            TemplateName = "order_update",
            DeleteAllLanguages = true,
        });

        var seen = Assert.Single(server.Requests);
        Assert.Equal("DELETE", seen.Method);
        Assert.Equal("true", seen.Query["deleteAllTemplates"]);
        Assert.False(seen.Query.ContainsKey("deleteAllLanguages"));
        Assert.Empty(seen.Body);
    }

    [Fact]
    public async Task An_arn_in_the_query_is_percent_encoded_like_the_official_client_does()
    {
        await using var server = await RecordingHttpServer.StartAsync();
        using var client = TestClients.For(server);

        await client.ListTagsForResourceAsync(new ListTagsForResourceRequest
        {
            ResourceArn = "arn:aws:social-messaging:eu-west-1:123456789012:phone-number-id/45c1973a7577",
        });

        var seen = Assert.Single(server.Requests);
        Assert.Equal("resourceArn=arn%3Aaws%3Asocial-messaging%3Aeu-west-1%3A123456789012%3Aphone-number-id%2F45c1973a7577", seen.RawQuery);
    }

    [Fact]
    public async Task Send_puts_the_message_json_base64_encoded_in_the_body()
    {
        await using var server = await RecordingHttpServer.StartAsync();
        server.Responder = (_, context) => RecordingHttpServer.Json(context, 200, """{"messageId":"wamid.HBgL"}""");
        using var client = TestClients.For(server);
        var message = """{"messaging_product":"whatsapp","to":"15555550100","type":"text","text":{"body":"Hello"}}""";

        var response = await client.SendWhatsAppMessageAsync(new SendWhatsAppMessageRequest
        {
            OriginationPhoneNumberId = "phone-number-id-0123456789abcdef0123456789abcdef",
            Message = Encoding.UTF8.GetBytes(message),
            MetaApiVersion = "v20.0",
        });

        Assert.Equal("wamid.HBgL", response.MessageId);
        var body = JsonNode.Parse(Assert.Single(server.Requests).Body)!.AsObject();
        Assert.Equal(message, Encoding.UTF8.GetString(Convert.FromBase64String(body["message"]!.GetValue<string>())));
        Assert.Equal("v20.0", body["metaApiVersion"]!.GetValue<string>());
        Assert.Equal(3, body.Count);
    }

    [Fact]
    public async Task Body_strings_are_written_as_plain_utf8_like_JSON_stringify()
    {
        await using var server = await RecordingHttpServer.StartAsync();
        using var client = TestClients.For(server);

        await client.UpdateWhatsAppMessageTemplateAsync(new UpdateWhatsAppMessageTemplateRequest
        {
            Id = "waba-1",
            TemplateName = "café+promo <b>'&'</b>",
            CtaUrlLinkTrackingOptedOut = false,
        });

        Assert.Equal("""{"id":"waba-1","templateName":"café+promo <b>'&'</b>","ctaUrlLinkTrackingOptedOut":false}""",
            Encoding.UTF8.GetString(Assert.Single(server.Requests).Body));
    }

    private static async Task<RecordedRequest> SendAsync(string operation, RequestSample sample)
    {
        await using var server = await RecordingHttpServer.StartAsync();
        using var client = TestClients.For(server);
        await TestClients.CallAsync(client, operation, sample.Request);
        return Assert.Single(server.Requests);
    }

    private static void AssertWire(string operation, RequestSample sample, RecordedRequest seen)
    {
        var op = Model.GetOperation(operation);
        Assert.Equal(op.Method, seen.Method);
        Assert.Equal(op.Uri, seen.Path);

        // Every httpQuery member under its wire name, decoded back to the value set; nothing else.
        Assert.Equal(sample.ExpectedQuery.OrderBy(p => p.Key, StringComparer.Ordinal), seen.Query.OrderBy(p => p.Key, StringComparer.Ordinal));

        Assert.StartsWith("AWS4-HMAC-SHA256 ", seen.Header("Authorization"));
        if (sample.ExpectedBody is null)
        {
            Assert.Empty(seen.Body);
            Assert.Null(seen.Header("Content-Type"));
        }
        else
        {
            Assert.Equal("application/json", seen.Header("Content-Type"));
            var body = JsonNode.Parse(seen.Body)!.AsObject();
            // Same member names first (a readable failure), then same values (blobs as base64).
            Assert.Equal(sample.ExpectedBody.Select(p => p.Key).Order(StringComparer.Ordinal), body.Select(p => p.Key).Order(StringComparer.Ordinal));
            Assert.True(JsonNode.DeepEquals(sample.ExpectedBody, body),
                $"{operation} body\nexpected {sample.ExpectedBody.ToJsonString()}\nactual   {body.ToJsonString()}");
        }
    }
}
