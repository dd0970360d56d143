using System.Text.Json;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Messaging.Content;
using WhatsAppHub.Core.Messaging.Interactive;
using WhatsAppHub.Functions.Templates;
using WhatsAppHub.Functions.Tests.Support;
using static WhatsAppHub.Functions.Tests.OpenApi.OpenApiDocuments;

namespace WhatsAppHub.Functions.Tests.OpenApi;

[Collection("Hub")]
public class OpenApiDocumentTests(HubFixture fixture)
{
    [Fact]
    public async Task Both_documents_are_served_without_a_key_with_their_version()
    {
        var openApi = await GetAsync(fixture.Hub, OpenApi3Path);
        var swagger = await GetAsync(fixture.Hub, Swagger2Path);

        Assert.StartsWith("3.", openApi.GetProperty("openapi").GetString());
        Assert.Equal("2.0", swagger.GetProperty("swagger").GetString());
        Assert.Equal("WhatsAppHub", swagger.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Every_typed_route_has_its_operation_with_a_body_requiring_to_and_the_content_member()
    {
        var document = await GetAsync(fixture.Hub, OpenApi3Path);
        var operations = Operations(document);

        foreach (var route in OutboundRoutes.All)
        {
            Assert.True(operations.TryGetValue(route.OperationName, out var operation), $"No operation {route.OperationName}.");
            Assert.Equal(route.Summary, operation.GetProperty("summary").GetString());
            var schema = RequestSchema(document, operation);
            Assert.Superset(new HashSet<string> { "to", route.Type }, Required(schema));
            Assert.Superset(new HashSet<string> { "to", "phoneNumberId", "recipient_type", "context", "biz_opaque_callback_data", route.Type }, Properties(schema));
            foreach (var status in new[] { "202", "201" })
                Assert.True(operation.GetProperty("responses").GetProperty(status).GetProperty("content").TryGetProperty("application/json", out _), $"{route.Path}: {status}");
            foreach (var status in new[] { "400", "409", "413", "415", "422", "503" })
                Assert.True(operation.GetProperty("responses").GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), $"{route.Path}: {status}");
        }
    }

    [Fact]
    public async Task Every_template_kind_has_its_operation_declaring_exactly_the_members_its_route_takes()
    {
        var document = await GetAsync(fixture.Hub, OpenApi3Path);
        var operations = Operations(document);

        foreach (var kind in TemplateSendKinds.All)
        {
            Assert.True(operations.TryGetValue(kind.OperationName, out var operation), $"No operation {kind.OperationName}.");
            Assert.Equal(kind.Summary, operation.GetProperty("summary").GetString());
            var schema = RequestSchema(document, operation);
            Assert.Superset(new HashSet<string> { "to", "language" }, Required(schema));
            // What the handler accepts (anything else is refused by name), no more and no less.
            Assert.Equal(new HashSet<string>(["language", .. TemplateMessages.EnvelopeMembers, .. kind.Members]), Properties(schema));
            Assert.True(operation.GetProperty("responses").GetProperty("202").GetProperty("content").TryGetProperty("application/json", out _), kind.Route);
        }
        Assert.Contains("couponCode", Required(RequestSchema(document, operations["SendCouponTemplate"])));
        Assert.Contains("sections", Required(RequestSchema(document, operations["SendMultiProductTemplate"])));
        // An offer takes a coupon only when its template has a COPY_CODE button.
        Assert.DoesNotContain("couponCode", Required(RequestSchema(document, operations["SendLimitedTimeOfferTemplate"])));
    }

    [Theory]
    [MemberData(nameof(RouteExamples.Cases), MemberType = typeof(RouteExamples))]
    public async Task Every_route_example_uses_only_members_its_schema_declares(RouteExamples.Example example)
    {
        var document = await GetAsync(fixture.Hub, OpenApi3Path);
        var route = OutboundRoutes.All.Single(r => r.Path == example.Path);
        var schema = RequestSchema(document, Operations(document)[route.OperationName]);
        using var body = JsonDocument.Parse(example.Body);

        Assert.Subset(Properties(schema), body.RootElement.EnumerateObject().Select(m => m.Name).ToHashSet());
        var content = Resolve(document, schema.GetProperty("properties").GetProperty(route.Type));
        var given = body.RootElement.GetProperty(route.Type);
        // contacts carries an array of cards; every other type one object.
        var (objects, declared) = given.ValueKind == JsonValueKind.Array
            ? (given.EnumerateArray().ToList(), Resolve(document, content.GetProperty("items")))
            : ([given], content);
        foreach (var obj in objects)
            Assert.Subset(Properties(declared), obj.EnumerateObject().Select(m => m.Name).ToHashSet());
    }

    [Fact]
    public async Task Limits_in_the_schemas_are_the_core_rules_constants()
    {
        var document = await GetAsync(fixture.Hub, OpenApi3Path);
        var operations = Operations(document);
        JsonElement Content(string operationId, string member) =>
            Resolve(document, RequestSchema(document, operations[operationId]).GetProperty("properties").GetProperty(member));

        var text = Content("SendTextMessage", "text");
        Assert.Equal(TextContentRules.MaxBodyLength, text.GetProperty("properties").GetProperty("body").GetProperty("maxLength").GetInt32());
        Assert.Contains("body", Required(text));

        var location = Content("SendLocationMessage", "location").GetProperty("properties");
        Assert.Equal(LocationContentRules.MaxLatitude, location.GetProperty("latitude").GetProperty("maximum").GetDouble());
        Assert.Equal(-LocationContentRules.MaxLongitude, location.GetProperty("longitude").GetProperty("minimum").GetDouble());

        Assert.Equal(ContactsContentRules.MaxContacts, Content("SendContactsMessage", "contacts").GetProperty("maxItems").GetInt32());
        Assert.Equal(MediaObjectRules.MaxCaptionLength,
            Content("SendImageMessage", "image").GetProperty("properties").GetProperty("caption").GetProperty("maxLength").GetInt32());

        var list = Content("SendInteractiveListMessage", "interactive").GetProperty("properties");
        Assert.Equal(ListRules.MaxButtonLength, list.GetProperty("action").GetProperty("properties").GetProperty("button").GetProperty("maxLength").GetInt32());
        Assert.Equal(ListRules.MaxSections, list.GetProperty("action").GetProperty("properties").GetProperty("sections").GetProperty("maxItems").GetInt32());
        Assert.Equal(HeaderRules.MaxTextLength, list.GetProperty("header").GetProperty("properties").GetProperty("text").GetProperty("maxLength").GetInt32());

        var envelope = RequestSchema(document, operations["SendTextMessage"]).GetProperty("properties");
        Assert.Equal(EnvelopeRules.MaxCallbackDataLength, envelope.GetProperty("biz_opaque_callback_data").GetProperty("maxLength").GetInt32());
    }

    [Fact]
    public async Task The_any_type_send_lists_every_supported_type()
    {
        var document = await GetAsync(fixture.Hub, OpenApi3Path);
        var schema = RequestSchema(document, Operations(document)["SendMessage"]);

        var types = schema.GetProperty("properties").GetProperty("type").GetProperty("enum").EnumerateArray().Select(t => t.GetString()!);
        Assert.Equal(OutboundMessageReader.Default.SupportedTypes, types.Order(StringComparer.Ordinal));
        Assert.Superset(new HashSet<string> { "to", "type" }, Required(schema));
    }

    [Fact]
    public async Task The_function_key_secures_the_api_but_not_health()
    {
        var document = await GetAsync(fixture.Hub, OpenApi3Path);
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("FunctionKey");
        var operations = Operations(document);

        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("x-functions-key", scheme.GetProperty("name").GetString());
        Assert.Contains("?code=", scheme.GetProperty("description").GetString());
        foreach (var id in new[] { "SendTextMessage", "GetMessage", "ListMessages", "UploadMedia" })
            Assert.True(operations[id].GetProperty("security")[0].TryGetProperty("FunctionKey", out _), id);
        Assert.False(operations["Health"].TryGetProperty("security", out _));
        Assert.False(document.TryGetProperty("security", out _)); // no document-wide requirement: health stays open
    }

    [Fact]
    public async Task The_swagger_document_is_what_a_custom_connector_imports()
    {
        var swagger = await GetAsync(fixture.Hub, Swagger2Path);
        var operations = Operations(swagger);

        var key = swagger.GetProperty("securityDefinitions").GetProperty("FunctionKey");
        Assert.Equal("apiKey", key.GetProperty("type").GetString());
        Assert.Equal("header", key.GetProperty("in").GetString());
        Assert.Equal("x-functions-key", key.GetProperty("name").GetString());
        Assert.Contains("application/json", swagger.GetProperty("consumes").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("application/json", swagger.GetProperty("produces").EnumerateArray().Select(c => c.GetString()));
        Assert.False(string.IsNullOrEmpty(swagger.GetProperty("host").GetString()));

        var send = operations["SendInteractiveListMessage"];
        Assert.True(send.GetProperty("security")[0].TryGetProperty("FunctionKey", out _));
        var body = send.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("in").GetString() == "body");
        Assert.Superset(new HashSet<string> { "to", "interactive" }, Required(Resolve(swagger, body.GetProperty("schema"))));
        Assert.False(operations["Health"].TryGetProperty("security", out _));

        var upload = operations["UploadMedia"].GetProperty("parameters").EnumerateArray();
        Assert.Contains(upload, p => p.GetProperty("in").GetString() == "formData" && p.GetProperty("name").GetString() == "file"
            && p.GetProperty("type").GetString() == "file");
    }
}
