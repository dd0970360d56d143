using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Functions.Tests.Inbound;
using static WhatsAppHub.Functions.Tests.Payments.PaymentTraffic;

namespace WhatsAppHub.Functions.Tests.Payments;

/// <summary>PAYMENT_CONFIG through <c>/api/payments/configurations</c>: create, read, list, replace, delete, and refusals by field.</summary>
[Collection("Sns")]
public class PaymentConfigurationTests(SnsFixture fixture)
{
    private HttpClient Hub => fixture.Hub.Http;

    [Fact]
    public async Task A_configuration_is_created_read_listed_replaced_and_deleted()
    {
        var name = Unique("cfg");
        using (var created = await Hub.PostAsJsonAsync("/api/payments/configurations", new JsonObject { ["configurationName"] = name, ["gateway"] = "razorpay" }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal($"/api/payments/configurations/{name}", created.Headers.Location?.OriginalString);
        }
        using (var duplicate = await Hub.PostAsJsonAsync("/api/payments/configurations", new JsonObject { ["configurationName"] = name, ["gateway"] = "payu" }))
            Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        var read = await Hub.GetFromJsonAsync<JsonElement>($"/api/payments/configurations/{name}");
        Assert.Equal(("razorpay", name), (read.GetProperty("gateway").GetString(), read.GetProperty("configurationName").GetString()));
        Assert.StartsWith("waba-", read.GetProperty("wabaId").GetString());
        var listed = await Hub.GetFromJsonAsync<JsonElement>("/api/payments/configurations");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), c => c.GetProperty("configurationName").GetString() == name);

        using (var replaced = await Hub.PutAsJsonAsync($"/api/payments/configurations/{name}", new JsonObject { ["gateway"] = "billdesk", ["description"] = "Live" }))
            Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        read = await Hub.GetFromJsonAsync<JsonElement>($"/api/payments/configurations/{name}");
        Assert.Equal(("billdesk", "Live"), (read.GetProperty("gateway").GetString(), read.GetProperty("description").GetString()));

        using (var deleted = await Hub.DeleteAsync($"/api/payments/configurations/{name}"))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using (var gone = await Hub.GetAsync($"/api/payments/configurations/{name}"))
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using (var again = await Hub.DeleteAsync($"/api/payments/configurations/{name}"))
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task A_put_of_a_new_name_creates_it()
    {
        var name = Unique("put");
        using var response = await Hub.PutAsJsonAsync($"/api/payments/configurations/{name}", new JsonObject { ["gateway"] = "upi-intent" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"configurationName":"bad name","gateway":"stripe","note":1}""", "$.configurationName", "$.gateway", "$.note")]
    [InlineData("""{"gateway":"razorpay"}""", "$.configurationName")]
    [InlineData("""{"configurationName":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","gateway":"payu"}""", "$.configurationName")]
    [InlineData("""{"configurationName":"ok","gateway":"payu","description":""}""", "$.description")]
    [InlineData("[]", "$")]
    public async Task Bad_bodies_are_refused_naming_each_field(string body, params string[] paths)
    {
        using var response = await Hub.PostAsync("/api/payments/configurations", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var named = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()!).ToHashSet();
        Assert.Equal(paths.ToHashSet(), named);
    }

    [Fact]
    public async Task A_put_whose_body_names_another_configuration_or_a_bad_waba_is_refused()
    {
        using var other = await Hub.PutAsJsonAsync("/api/payments/configurations/one", new JsonObject { ["configurationName"] = "two", ["gateway"] = "payu" });
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        using var waba = await Hub.GetAsync("/api/payments/configurations?waba=not-a-waba");
        Assert.Equal(HttpStatusCode.BadRequest, waba.StatusCode);
        Assert.Contains("query.waba", await waba.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
