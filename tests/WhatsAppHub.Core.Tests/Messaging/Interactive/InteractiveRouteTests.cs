using System.Text;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging;

namespace WhatsAppHub.Core.Tests.Messaging.Interactive;

/// <summary>The typed <c>interactive/…</c> routes imply <c>type</c> and <c>interactive.type</c>.</summary>
public class InteractiveRouteTests
{
    private static OutboundRoute Route(string path) => OutboundRoutes.All.Single(r => r.Path == path);

    [Fact]
    public void Every_interactive_type_has_its_typed_route()
    {
        var routes = OutboundRoutes.All.Where(r => r.Type == "interactive").ToList();
        Assert.All(routes, r => Assert.Equal("interactive/" + r.InteractiveType, r.Path));
        Assert.Equal(new Core.Messaging.Interactive.InteractiveContentRules().SupportedTypes, routes.Select(r => r.InteractiveType!).Order());
    }

    [Theory]
    [InlineData("interactive/list", "SendInteractiveListMessage")]
    [InlineData("interactive/cta_url", "SendInteractiveCtaUrlMessage")]
    [InlineData("interactive/address_message", "SendInteractiveAddressMessage")]
    [InlineData("interactive/location_request_message", "SendInteractiveLocationRequestMessage")]
    [InlineData("interactive/catalog_message", "SendInteractiveCatalogMessage")]
    [InlineData("interactive/call_permission_request", "SendInteractiveCallPermissionRequestMessage")]
    [InlineData("text", "SendTextMessage")]
    public void Operation_ids_read_well(string path, string operationName) => Assert.Equal(operationName, Route(path).OperationName);

    [Fact]
    public void Operation_ids_are_unique() =>
        Assert.Equal(OutboundRoutes.All.Count, OutboundRoutes.All.Select(r => r.OperationName).Distinct().Count());

    [Fact]
    public void A_typed_route_fills_in_a_missing_interactive_type()
    {
        var (message, errors) = OutboundMessageReader.Default.Read(Encoding.UTF8.GetBytes("""
            {"to":"+447700900123","interactive":{"body":{"text":"Share your pickup point."},"action":{"name":"send_location"}}}
            """), Route("interactive/location_request_message"));

        Assert.Empty(errors);
        var sent = JsonNode.Parse(message!.ToCloudApiJson())!;
        Assert.Equal("interactive", (string?)sent["type"]);
        Assert.Equal("location_request_message", (string?)sent["interactive"]!["type"]);
    }

    [Fact]
    public void A_typed_route_refuses_another_interactive_type()
    {
        var (message, errors) = OutboundMessageReader.Default.Read(Encoding.UTF8.GetBytes(ReferenceExamples.All["button"]), Route("interactive/list"));

        Assert.Null(message);
        Assert.Contains(errors, e => e.Path == "$.interactive.type" && e.Rule == "enum");
    }

    [Fact]
    public void The_untyped_route_needs_the_interactive_type()
    {
        var (message, errors) = OutboundMessageReader.Default.Read(Encoding.UTF8.GetBytes("""
            {"to":"+447700900123","type":"interactive","interactive":{"body":{"text":"Share your pickup point."},"action":{"name":"send_location"}}}
            """));

        Assert.Null(message);
        Assert.Contains(errors, e => e.Path == "$.interactive.type" && e.Rule == "required");
    }
}
