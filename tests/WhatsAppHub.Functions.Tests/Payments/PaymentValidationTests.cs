using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Functions.Tests.Inbound;
using static WhatsAppHub.Functions.Tests.Payments.PaymentTraffic;

namespace WhatsAppHub.Functions.Tests.Payments;

/// <summary>
/// What <c>POST /api/payments</c> refuses, each with a problem document naming the field, before anything is stored or
/// sent; and what it does with the same request twice or a reference another payment holds.
/// </summary>
[Collection("Sns")]
public class PaymentValidationTests(SnsFixture fixture)
{
    private HttpClient Hub => fixture.Hub.Http;

    private async Task<HashSet<string>> RefusedAsync(string body, HttpStatusCode expected = HttpStatusCode.BadRequest)
    {
        using var response = await Hub.PostAsync("/api/payments", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        return problem.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().Select(e => e.GetProperty("path").GetString()!).ToHashSet() : [];
    }

    [Fact]
    public async Task Totals_that_do_not_add_up_are_named_at_the_total_and_nothing_is_sent()
    {
        var configuration = await CreateConfigurationAsync(Hub);
        var to = NewContact();
        var request = Request(to, configuration, Unique("TT"));
        request["total"] = 59001;

        Assert.Equal(["$.total"], await RefusedAsync(request.ToJsonString()));
        request["total"] = 59000;
        request["subtotal"] = 40000;
        Assert.Contains("$.subtotal", await RefusedAsync(request.ToJsonString()));
        await Task.Delay(300);
        Assert.Empty(await SentToAsync(fixture.Sandbox.Http, to));
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once()
    {
        var body = """
            {"to":"12","configurationName":"bad name!","referenceId":"has space","type":"services","currency":"USD",
             "items":[{"name":"","amount":12.5,"quantity":0}],"subtotal":"100","tax":-1,"total":1,"body":"","expiresInSeconds":0,"maxAttempts":99}
            """;
        var named = await RefusedAsync(body);
        Assert.Superset(new HashSet<string>
        {
            "$.to", "$.referenceId", "$.type", "$.currency", "$.items[0].name", "$.items[0].amount", "$.items[0].quantity", "$.subtotal", "$.tax",
            "$.body", "$.expiresInSeconds", "$.maxAttempts",
        }, named);
    }

    [Theory]
    [InlineData("", "$")]
    [InlineData("[]", "$")]
    [InlineData("{\"to\":", "$")]
    public async Task Bodies_that_are_not_an_object_are_refused(string body, string path) => Assert.Contains(path, await RefusedAsync(body));

    [Fact]
    public async Task An_unknown_or_upi_intent_configuration_is_named_at_the_configuration()
    {
        Assert.Equal(["$.configurationName"], await RefusedAsync(Request(NewContact(), Unique("nope"), Unique("UC")).ToJsonString()));
        var upi = await CreateConfigurationAsync(Hub, "upi-intent");
        Assert.Equal(["$.configurationName"], await RefusedAsync(Request(NewContact(), upi, Unique("UP")).ToJsonString()));
    }

    [Fact]
    public async Task Physical_goods_addresses_are_checked_by_the_order_details_rules()
    {
        var configuration = await CreateConfigurationAsync(Hub);
        var request = Request(NewContact(), configuration, Unique("PG"));
        request["type"] = "physical-goods";
        Assert.Contains("$.beneficiaries", await RefusedAsync(request.ToJsonString()));

        request["beneficiaries"] = JsonNode.Parse("""[{"name":"Asha Rao","address_line1":"12 MG Road","city":"Bengaluru","state":"Karnataka","country":"India","postal_code":"5600"}]""");
        Assert.Contains("$.interactive.action.parameters.beneficiaries[0].postal_code", await RefusedAsync(request.ToJsonString()));
    }

    [Fact]
    public async Task The_same_request_again_is_the_same_payment_and_another_request_cannot_take_its_reference()
    {
        var configuration = await CreateConfigurationAsync(Hub);
        var (to, reference) = (NewContact(), Unique("ID"));
        var request = Request(to, configuration, reference);

        var first = await CreateAsync(Hub, request);
        var again = await CreateAsync(Hub, request);
        Assert.Equal(first, again);

        var other = Request(NewContact(), configuration, reference);
        using var taken = await Hub.PostAsJsonAsync("/api/payments", other);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        // A retry reference of the first payment is taken too.
        var retryReference = Request(NewContact(), configuration, reference + "-2");
        using var retryTaken = await Hub.PostAsJsonAsync("/api/payments", retryReference);
        Assert.Equal(HttpStatusCode.Conflict, retryTaken.StatusCode);

        await WaitForSentAsync(fixture.Sandbox.Http, to, 1);
        await Task.Delay(500);
        Assert.Single(await SentToAsync(fixture.Sandbox.Http, to)); // one card, not two
    }

    [Fact]
    public async Task Unknown_payments_and_bad_list_filters_are_problems()
    {
        using var unknown = await Hub.GetAsync("/api/payments/0196f6e2000070008000000000000000");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var malformed = await Hub.GetAsync("/api/payments/..%2F..");
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        using var badStatus = await Hub.GetAsync("/api/payments?status=paid&limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        var paths = (await badStatus.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString());
        Assert.Equal(["query.status", "query.limit"], paths);
        using var anonymous = await fixture.Hub.Anonymous.GetAsync("/api/payments");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
