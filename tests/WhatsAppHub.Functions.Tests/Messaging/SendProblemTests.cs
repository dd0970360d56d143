using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Storage;
using WhatsAppHub.Testing;
using WhatsAppHub.Functions.Messaging;
using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Messaging;

[Collection("Hub")]
public class SendProblemTests(HubFixture fixture)
{
    [Fact]
    public async Task A_wrong_aws_secret_is_refused_by_the_sandbox_and_told_plainly_with_the_row_failed()
    {
        // Its own storage: hubs sharing a storage account share the outbound queue, and the fixture's hub would send it.
        await using var azurite = new AzuriteProcess();
        await azurite.InitializeAsync();
        await using var hub = await HubHost.StartAsync(azurite.ConnectionString, fixture.Sandbox.BaseUrl,
            "Eum:SecretAccessKey=not-the-sandbox-secret");
        await hub.OpenServiceWindowAsync("15555550100");

        var response = await hub.Http.PostAsJsonAsync("/api/messages?wait=true", new { to = "15555550100", type = "text", text = new { body = "hi" } });

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadGateway, "eum-credentials");
        Assert.Equal("InvalidSignature", problem.GetProperty("eumErrorType").GetString());
        Assert.False(problem.GetProperty("retryable").GetBoolean());
        Assert.Contains("Eum__SecretAccessKey", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("not-the-sandbox-secret", await response.Content.ReadAsStringAsync());

        var id = problem.GetProperty("messageId").GetString()!;
        var messages = new TableService(StorageConnection.Parse(azurite.ConnectionString)).GetTable(HubTables.Messages);
        var row = await messages.GetAsync(MessageKeys.MessagePartition(id), MessageKeys.MessageRowKey(id));
        Assert.Equal("failed", row!.GetString("status"));
        Assert.Equal("InvalidSignature", row.GetString("errorType"));

        var requests = await fixture.Sandbox.Http.GetFromJsonAsync<JsonElement>("/sandbox/requests?operation=SendWhatsAppMessage");
        var list = requests.ValueKind == JsonValueKind.Array ? requests : requests.GetProperty("requests");
        Assert.Contains(list.EnumerateArray(), r => !r.GetProperty("signatureValid").GetBoolean());
    }

    [Fact]
    public async Task Every_broken_rule_is_named_by_json_path_in_one_problem()
    {
        var response = await fixture.Hub.Http.PostAsync("/api/messages", Json("""{"to":"call me","type":"text","text":{"body":""},"colour":"red"}"""));

        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["$.colour", "$.text.body", "$.to"], ProblemAssert.ErrorPaths(problem).Order().ToArray());
        Assert.All(problem.GetProperty("errors").EnumerateArray(), e =>
        {
            Assert.False(string.IsNullOrEmpty(e.GetProperty("rule").GetString()));
            Assert.False(string.IsNullOrEmpty(e.GetProperty("message").GetString()));
        });
    }

    [Theory]
    [InlineData("", "$")]
    [InlineData("{", "$")]
    [InlineData("42", "$")]
    [InlineData("""{"type":"carrier_pigeon","to":"15555550100","carrier_pigeon":{"id":"1"}}""", "$.type")]
    public async Task Malformed_bodies_get_a_validation_problem(string body, string path)
    {
        var response = await fixture.Hub.Http.PostAsync("/api/messages", Json(body));
        var problem = await ProblemAssert.IsProblem(response, HttpStatusCode.BadRequest, "validation");
        Assert.Contains(path, ProblemAssert.ErrorPaths(problem));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_unsupported_media()
    {
        var response = await fixture.Hub.Http.PostAsync("/api/messages", new StringContent("to=1555", Encoding.UTF8, "application/x-www-form-urlencoded"));
        await ProblemAssert.IsProblem(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Fact]
    public async Task An_oversized_body_is_refused_before_it_is_read_whole()
    {
        var response = await fixture.Hub.Http.PostAsync("/api/messages", Json(new string(' ', 300 * 1024) + "{}"));
        await ProblemAssert.IsProblem(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task Unknown_routes_and_methods_answer_with_problem_documents()
    {
        var missing = await fixture.Hub.Http.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        var wrongMethod = await fixture.Hub.Http.DeleteAsync("/api/messages/abc");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal("application/problem+json", wrongMethod.Content.Headers.ContentType?.MediaType);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
