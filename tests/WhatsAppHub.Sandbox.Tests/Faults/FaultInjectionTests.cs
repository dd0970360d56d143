using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Core.Messaging.Sending;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Sandbox.Tests.Faults;

/// <summary>
/// The fault plan over HTTP, called with the hub's own EUM client: each fault answers what EUM answers and the client
/// reads it as the hub needs; rates, counts, recipients, latency and dropped answers behave as the plan says.
/// </summary>
public sealed class FaultInjectionTests : IAsyncLifetime
{
    private const string PhoneNumberId = "phone-number-id-0123456789abcdef0123456789abcdef";

    private SandboxHost _sandbox = null!;
    private SocialMessagingClient _client = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync();
        _client = Client(_sandbox, TimeSpan.FromSeconds(5));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Theory]
    [InlineData("""{"fault":"throttled"}""", 429, "ThrottledRequestException", SocialMessagingErrorType.Throttled, true, null)]
    [InlineData("""{"fault":"internal"}""", 500, "InternalServiceException", SocialMessagingErrorType.InternalService, true, null)]
    [InlineData("""{"fault":"dependency"}""", 502, "DependencyException", SocialMessagingErrorType.Dependency, true, null)]
    [InlineData("""{"fault":"meta","metaCode":131056}""", 400, "InvalidParametersException", SocialMessagingErrorType.InvalidParameters, false, 131056)]
    [InlineData("""{"fault":"meta","metaCode":130429}""", 400, "InvalidParametersException", SocialMessagingErrorType.InvalidParameters, false, 130429)]
    [InlineData("""{"fault":"meta","metaCode":131047}""", 400, "InvalidParametersException", SocialMessagingErrorType.InvalidParameters, false, 131047)]
    [InlineData("""{"fault":"meta","metaCode":131026}""", 400, "InvalidParametersException", SocialMessagingErrorType.InvalidParameters, false, 131026)]
    [InlineData("""{"fault":"meta","metaCode":131000}""", 502, "DependencyException", SocialMessagingErrorType.Dependency, true, 131000)]
    public async Task Each_error_fault_answers_as_EUM_does_and_sends_nothing(string rule, int status, string wireType,
        SocialMessagingErrorType type, bool eumRetryable, int? metaCode)
    {
        await PutPlanAsync($$"""{"seed":1,"rules":[{{rule}}]}""");

        var error = await Assert.ThrowsAsync<SocialMessagingException>(() => SendAsync("15550001234"));

        Assert.Equal(status, (int)error.StatusCode);
        Assert.Equal(wireType, error.ErrorCode);
        Assert.Equal(type, error.ErrorType);
        Assert.Equal(eumRetryable, error.IsRetryable);
        Assert.Equal(metaCode, MetaError.FindCode(error.Message));
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        var sends = await _sandbox.Http.GetFromJsonAsync<JsonArray>("/sandbox/messages");
        Assert.DoesNotContain(sends!, m => m!["accepted"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_rate_converges_and_the_same_seed_replays_the_same_faults()
    {
        const int calls = 600;
        await PutPlanAsync("""{"seed":7,"rules":[{"fault":"throttled","rate":0.3}]}""");
        var first = await OutcomesAsync(calls);
        await PutPlanAsync("""{"seed":7,"rules":[{"fault":"throttled","rate":0.3}]}""");
        var replay = await OutcomesAsync(calls);

        var throttled = first.Count(f => f);
        Assert.InRange(throttled, 0.3 * calls - 60, 0.3 * calls + 60); // > 4 standard deviations either side
        Assert.Equal(first, replay);
        var described = await _sandbox.Http.GetFromJsonAsync<JsonObject>("/sandbox/faults");
        Assert.Equal(throttled, described!["rules"]![0]!["injected"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_count_applies_to_exactly_the_next_N_calls()
    {
        await PutPlanAsync("""{"rules":[{"fault":"internal","count":3}]}""");

        var outcomes = await OutcomesAsync(8, expectedType: SocialMessagingErrorType.InternalService);

        Assert.Equal([true, true, true, false, false, false, false, false], outcomes);
        var rule = (await _sandbox.Http.GetFromJsonAsync<JsonObject>("/sandbox/faults"))!["rules"]![0]!;
        Assert.Equal(3, rule["injected"]!.GetValue<long>());
        Assert.Equal(0, rule["remaining"]!.GetValue<long>());
    }

    [Fact]
    public async Task Rules_apply_in_order_and_to_matches_the_recipient_by_digits()
    {
        await PutPlanAsync("""
            {"rules":[
              {"fault":"meta","metaCode":131047,"to":"+1 (555) 000-2222"},
              {"fault":"throttled","to":"15550003333","count":1}
            ]}
            """);

        Assert.StartsWith("wamid.", (await SendAsync("15550001111")).MessageId);
        var closed = await Assert.ThrowsAsync<SocialMessagingException>(() => SendAsync("+15550002222"));
        Assert.Equal(131047, MetaError.FindCode(closed.Message));
        var throttled = await Assert.ThrowsAsync<SocialMessagingException>(() => SendAsync("15550003333"));
        Assert.Equal(SocialMessagingErrorType.Throttled, throttled.ErrorType);
        Assert.StartsWith("wamid.", (await SendAsync("15550003333")).MessageId); // its one hit is spent
    }

    [Fact]
    public async Task A_rule_for_another_operation_leaves_sends_alone()
    {
        await PutPlanAsync("""{"rules":[{"fault":"throttled","operation":"ListLinkedWhatsAppBusinessAccounts"}]}""");

        Assert.StartsWith("wamid.", (await SendAsync("15550001111")).MessageId);
        var error = await Assert.ThrowsAsync<SocialMessagingException>(() =>
            Client(_sandbox, TimeSpan.FromSeconds(5), maxErrorRetry: 0).ListLinkedWhatsAppBusinessAccountsAsync(new ListLinkedWhatsAppBusinessAccountsRequest()));
        Assert.Equal(SocialMessagingErrorType.Throttled, error.ErrorType);
    }

    [Fact]
    public async Task Latency_delays_the_answer_and_the_send_still_succeeds()
    {
        await PutPlanAsync("""{"rules":[{"fault":"latency","latencyMs":400}]}""");

        var clock = Stopwatch.StartNew();
        var answer = await SendAsync("15550001111");

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(380), $"answered after {clock.Elapsed}");
        Assert.StartsWith("wamid.", answer.MessageId);
    }

    [Fact]
    public async Task Latency_beyond_the_client_time_out_leaves_the_send_done_but_unanswered()
    {
        using var impatient = Client(_sandbox, TimeSpan.FromSeconds(1));
        await PutPlanAsync("""{"rules":[{"fault":"latency","latencyMs":3000}]}""");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => SendAsync("15550004444", impatient));

        Assert.IsNotType<SocialMessagingException>(error);
        Assert.Single(await AcceptedSendsAsync("15550004444"));
    }

    [Fact]
    public async Task Drop_carries_out_the_send_but_never_answers()
    {
        await PutPlanAsync("""{"rules":[{"fault":"drop","count":1}]}""");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => SendAsync("15550005555"));

        Assert.IsNotType<SocialMessagingException>(error); // no answer at all, not an EUM error
        var sent = Assert.Single(await AcceptedSendsAsync("15550005555"));
        Assert.StartsWith("wamid.", sent["messageId"]!.GetValue<string>());
        var recorded = await _sandbox.Http.GetFromJsonAsync<JsonArray>("/sandbox/requests?operation=SendWhatsAppMessage");
        Assert.Equal("drop", Assert.Single(recorded!)!["fault"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_clears_the_plan()
    {
        await PutPlanAsync("""{"rules":[{"fault":"throttled"}]}""");
        (await _sandbox.Http.DeleteAsync("/sandbox/faults")).EnsureSuccessStatusCode();

        Assert.StartsWith("wamid.", (await SendAsync("15550001111")).MessageId);
        var described = await _sandbox.Http.GetFromJsonAsync<JsonObject>("/sandbox/faults");
        Assert.Empty(described!["rules"]!.AsArray());
    }

    [Fact]
    public async Task A_bad_plan_is_refused_naming_each_bad_field_and_the_old_plan_stays()
    {
        await PutPlanAsync("""{"rules":[{"fault":"throttled","count":1}]}""");

        using var response = await _sandbox.Http.PutAsync("/sandbox/faults", Json("""
            {"seed":"x","latencyMs":-1,"colour":1,"rules":[
              {"fault":"explode","rate":1.5},
              {"fault":"meta","metaCode":999},
              {"fault":"latency","count":0,"operation":"Nope","to":"abc"},
              {"fault":"throttled","metaCode":131056},
              7
            ]}
            """));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        var paths = problem!["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "$.seed", "$.latencyMs", "$.colour", "$.rules[0].fault", "$.rules[0].rate", "$.rules[1].metaCode", "$.rules[2].count",
            "$.rules[2].operation", "$.rules[2].to", "$.rules[2].latencyMs", "$.rules[3].metaCode", "$.rules[4]",
        }, paths);
        var kept = (await _sandbox.Http.GetFromJsonAsync<JsonObject>("/sandbox/faults"))!["rules"]!.AsArray();
        Assert.Equal("throttled", Assert.Single(kept)!["fault"]!.GetValue<string>());

        using var notJson = await _sandbox.Http.PutAsync("/sandbox/faults", Json("{"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    [Fact]
    public async Task A_plan_set_at_start_up_is_in_force_from_the_first_call()
    {
        await using var sandbox = await SandboxHost.StartAsync("""FaultPlan={"seed":3,"rules":[{"fault":"dependency","count":1}]}""");
        using var client = Client(sandbox, TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<SocialMessagingException>(() => SendAsync("15550001111", client));
        Assert.Equal(SocialMessagingErrorType.Dependency, error.ErrorType);
        Assert.StartsWith("wamid.", (await SendAsync("15550001111", client)).MessageId);
    }

    [Fact]
    public async Task A_bad_start_up_plan_stops_the_sandbox_from_starting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SandboxHost.StartAsync("""FaultPlan={"rules":[{"fault":"meta"}]}"""));
        Assert.Contains("$.rules[0].metaCode", error.Message);
    }

    /// <summary>Sends <paramref name="calls"/> messages one after another; true where the call was refused with the expected type.</summary>
    private async Task<List<bool>> OutcomesAsync(int calls, SocialMessagingErrorType expectedType = SocialMessagingErrorType.Throttled)
    {
        var outcomes = new List<bool>(calls);
        for (var i = 0; i < calls; i++)
        {
            try
            {
                await SendAsync("15550009999");
                outcomes.Add(false);
            }
            catch (SocialMessagingException e) when (e.ErrorType == expectedType)
            {
                outcomes.Add(true);
            }
        }
        return outcomes;
    }

    private Task<SendWhatsAppMessageResponse> SendAsync(string to, SocialMessagingClient? client = null) =>
        (client ?? _client).SendWhatsAppMessageAsync(new SendWhatsAppMessageRequest
        {
            OriginationPhoneNumberId = PhoneNumberId,
            MetaApiVersion = "v20.0",
            Message = Encoding.UTF8.GetBytes(new JsonObject { ["messaging_product"] = "whatsapp", ["to"] = to, ["type"] = "text", ["text"] = new JsonObject { ["body"] = "fault test" } }.ToJsonString()),
        });

    private async Task<List<JsonNode>> AcceptedSendsAsync(string to)
    {
        var all = await _sandbox.Http.GetFromJsonAsync<JsonArray>("/sandbox/messages");
        return all!.Where(m => m!["accepted"]!.GetValue<bool>() && m["message"]?["to"]?.GetValue<string>() == to).Select(m => m!).ToList();
    }

    private async Task PutPlanAsync(string plan)
    {
        using var response = await _sandbox.Http.PutAsync("/sandbox/faults", Json(plan));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static SocialMessagingClient Client(SandboxHost sandbox, TimeSpan timeout, int? maxErrorRetry = null)
    {
        var config = new SocialMessagingConfig { ServiceURL = sandbox.BaseUrl, AuthenticationRegion = "us-east-1", Timeout = timeout };
        if (maxErrorRetry is { } retries) config.MaxErrorRetry = retries;
        return new(new BasicAWSCredentials(SandboxHost.AccessKeyId, SandboxHost.SecretAccessKey), config);
    }
}
