using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using WhatsAppHub.Sandbox.Tests.Support;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Sandbox.Tests;

/// <summary>The EUM routes over HTTP with independently signed requests: validation, errors, state and recording.</summary>
public sealed class EumRoutesTests : IAsyncLifetime
{
    private const string Waba = "waba-0123456789abcdef0123456789abcdef";
    private const string Phone = "phone-number-id-0123456789abcdef0123456789abcdef";
    private const string PhoneArn = "arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/0123456789abcdef0123456789abcdef";
    private SandboxHost _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxHost.StartAsync("Statuses=");

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    private SignedEumClient Eum => _sandbox.Eum();

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task Every_answer_carries_a_request_id_and_errors_carry_their_type()
    {
        var ok = await Eum.SendAsync("GET", "/v1/whatsapp/waba/list");
        Assert.Equal(200, ok.Status);
        Assert.False(string.IsNullOrEmpty(ok.RequestId));

        var unsigned = await _sandbox.Http.GetAsync("/v1/whatsapp/waba/list");
        Assert.Equal(403, (int)unsigned.StatusCode);
        Assert.Equal("MissingAuthenticationTokenException", unsigned.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.True(unsigned.Headers.Contains("x-amzn-RequestId"));
        Assert.Equal("Missing Authentication Token", (await unsigned.Content.ReadFromJsonAsync<JsonNode>())!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wrong_service_and_expired_signatures_are_refused_over_http()
    {
        var wrongService = await _sandbox.Eum(service: "socialmessaging").SendAsync("GET", "/v1/whatsapp/waba/list");
        Assert.Equal("InvalidSignatureException", wrongService.ErrorType);
        Assert.StartsWith("Credential should be scoped to correct service: 'social-messaging'.", wrongService.Message);

        var expired = await Eum.SendAsync("GET", "/v1/whatsapp/waba/list", signedAt: DateTime.UtcNow.AddMinutes(-20));
        Assert.Equal("InvalidSignatureException", expired.ErrorType);
        Assert.StartsWith("Signature expired:", expired.Message);

        var recorded = await _sandbox.Http.GetFromJsonAsync<JsonArray>("/sandbox/requests");
        Assert.All(recorded!, r => Assert.False(r!["signatureValid"]!.GetValue<bool>()));
        Assert.StartsWith("Signature expired:", recorded![1]!["signatureError"]!.GetValue<string>());
    }

    [Fact]
    public async Task Send_validates_members_like_aws()
    {
        var missing = await Eum.SendAsync("POST", "/v1/whatsapp/send", new { originationPhoneNumberId = "not-a-phone-id" });
        Assert.Equal(400, missing.Status);
        Assert.Equal("ValidationException", missing.ErrorType);
        Assert.Equal("3 validation errors detected: "
            + "Value 'not-a-phone-id' at 'originationPhoneNumberId' failed to satisfy constraint: Member must satisfy regular expression pattern: (^phone-number-id-.*$)|(^arn:.*:phone-number-id/[0-9a-zA-Z]+$); "
            + "Value null at 'message' failed to satisfy constraint: Member must not be null; "
            + "Value null at 'metaApiVersion' failed to satisfy constraint: Member must not be null", missing.Message);

        var notJson = await Eum.SendAsync("POST", "/v1/whatsapp/send", new { originationPhoneNumberId = Phone, metaApiVersion = "v20.0", message = B64("hello") });
        Assert.Equal("ValidationException", notJson.ErrorType);

        var noProduct = await Eum.SendAsync("POST", "/v1/whatsapp/send", new { originationPhoneNumberId = Phone, metaApiVersion = "v20.0", message = B64("""{"to":"+14255550123","type":"text","text":{"body":"x"}}""") });
        Assert.Equal("InvalidParametersException", noProduct.ErrorType);
        Assert.Contains("messaging_product", noProduct.Message);

        var unknownPhone = await Eum.SendAsync("POST", "/v1/whatsapp/send", new { originationPhoneNumberId = "phone-number-id-ffffffffffffffffffffffffffffffff", metaApiVersion = "v20.0", message = B64("""{"messaging_product":"whatsapp","to":"1","type":"text","text":{"body":"x"}}""") });
        Assert.Equal(404, unknownPhone.Status);
        Assert.Equal("ResourceNotFoundException", unknownPhone.ErrorType);

        var wrongType = await Eum.SendAsync("POST", "/v1/whatsapp/send", """{"originationPhoneNumberId":42}""");
        Assert.Equal("SerializationException", wrongType.ErrorType);
    }

    [Fact]
    public async Task Send_accepts_the_phone_arn_and_lists_the_decoded_message()
    {
        var message = """{"messaging_product":"whatsapp","to":"+44 7700 900123","type":"template","template":{"name":"spring_sale","language":{"code":"en"}}}""";
        var sent = await Eum.SendAsync("POST", "/v1/whatsapp/send", new { originationPhoneNumberId = PhoneArn, metaApiVersion = "v23.0", message = B64(message) });
        Assert.Equal(200, sent.Status);
        var wamid = sent.Body!["messageId"]!.GetValue<string>();
        Assert.StartsWith("wamid.", wamid);
        Assert.Contains("447700900123", Encoding.ASCII.GetString(Convert.FromBase64String(wamid["wamid.".Length..])));

        var listed = (await _sandbox.Http.GetFromJsonAsync<JsonArray>("/sandbox/messages"))!.Single()!;
        Assert.Equal(wamid, listed["messageId"]!.GetValue<string>());
        Assert.Equal("spring_sale", listed["message"]!["template"]!["name"]!.GetValue<string>());
        Assert.Equal(PhoneArn, listed["originationPhoneNumberId"]!.GetValue<string>());
        Assert.Equal("v23.0", listed["metaApiVersion"]!.GetValue<string>());
        Assert.True(listed["signatureValid"]!.GetValue<bool>());

        var request = (await _sandbox.Http.GetFromJsonAsync<JsonArray>("/sandbox/requests?operation=SendWhatsAppMessage"))!.Single()!;
        Assert.Equal("POST", request["method"]!.GetValue<string>());
        Assert.Equal("/v1/whatsapp/send", request["path"]!.GetValue<string>());
        Assert.Equal("application/json", request["contentType"]!.GetValue<string>());
        Assert.Equal(PhoneArn, request["bodyJson"]!["originationPhoneNumberId"]!.GetValue<string>());
        Assert.Equal(SandboxHost.AccessKeyId, request["accessKeyId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Templates_page_with_next_token_and_delete_by_name()
    {
        for (var i = 0; i < 3; i++)
        {
            var definition = $$"""{"name":"paging_test_{{i}}","language":"en_US","category":"MARKETING","components":[{"type":"BODY","text":"Offer {{i}}"}]}""";
            var created = await Eum.SendAsync("POST", "/v1/whatsapp/template/put", new { id = Waba, templateDefinition = B64(definition) });
            Assert.True(created.Status == 200, created.Message);
        }
        var duplicate = await Eum.SendAsync("POST", "/v1/whatsapp/template/put", new { id = Waba, templateDefinition = B64("""{"name":"paging_test_0","language":"en_US","category":"MARKETING","components":[]}""") });
        Assert.Equal("InvalidParametersException", duplicate.ErrorType);

        var names = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await Eum.SendAsync("GET", $"/v1/whatsapp/template/list?id={Waba}&maxResults=2" + (next is null ? "" : $"&nextToken={Uri.EscapeDataString(next)}"));
            Assert.True(page.Status == 200, page.Message);
            names.AddRange(page.Body!["templates"]!.AsArray().Select(t => t!["templateName"]!.GetValue<string>()));
            next = page.Body["nextToken"]?.GetValue<string>();
            pages++;
        }
        while (next is not null);
        Assert.Equal(3, pages);       // 3 seeded + 3 created, 2 per page
        Assert.Equal(6, names.Distinct().Count());

        var badRange = await Eum.SendAsync("GET", $"/v1/whatsapp/template/list?id={Waba}&maxResults=0");
        Assert.Equal("ValidationException", badRange.ErrorType);
        Assert.Contains("Member must have value greater than or equal to 1", badRange.Message);

        var deleted = await Eum.SendAsync("DELETE", $"/v1/whatsapp/template?id={Waba}&templateName=paging_test_1&deleteAllTemplates=true");
        Assert.Equal(200, deleted.Status);
        var again = await Eum.SendAsync("DELETE", $"/v1/whatsapp/template?id={Waba}&templateName=paging_test_1");
        Assert.Equal("ResourceNotFoundException", again.ErrorType);
        var missingName = await Eum.SendAsync("DELETE", $"/v1/whatsapp/template?id={Waba}");
        Assert.Contains("Value null at 'templateName'", missingName.Message);
    }

    [Fact]
    public async Task Media_needs_exactly_one_source()
    {
        var both = await Eum.SendAsync("POST", "/v1/whatsapp/media", new
        {
            originationPhoneNumberId = Phone,
            sourceS3File = new { bucketName = "media-bucket", key = "a.jpg" },
            sourceS3PresignedUrl = new { url = "https://media-bucket.s3.us-east-1.amazonaws.com/a.jpg?X-Amz-Signature=x", headers = new Dictionary<string, string> { ["Content-Type"] = "image/jpeg" } },
        });
        Assert.Equal("InvalidParametersException", both.ErrorType);

        var neither = await Eum.SendAsync("POST", "/v1/whatsapp/media", new { originationPhoneNumberId = Phone });
        Assert.Equal("InvalidParametersException", neither.ErrorType);

        var badBucket = await Eum.SendAsync("POST", "/v1/whatsapp/media", new { originationPhoneNumberId = Phone, sourceS3File = new { bucketName = "Bad_Bucket", key = "a.jpg" } });
        Assert.Equal("ValidationException", badBucket.ErrorType);
        Assert.Contains("'sourceS3File.bucketName'", badBucket.Message);

        var posted = await Eum.SendAsync("POST", "/v1/whatsapp/media", new
        {
            originationPhoneNumberId = Phone,
            sourceS3PresignedUrl = new { url = "https://media-bucket.s3.us-east-1.amazonaws.com/a.png?X-Amz-Signature=x", headers = new Dictionary<string, string> { ["Content-Type"] = "image/png" } },
        });
        var mediaId = posted.Body!["mediaId"]!.GetValue<string>();
        var got = await Eum.SendAsync("POST", "/v1/whatsapp/media/get", new { mediaId, originationPhoneNumberId = Phone, metadataOnly = true });
        Assert.Equal("image/png", got.Body!["mimeType"]!.GetValue<string>());

        Assert.True((await Eum.SendAsync("DELETE", $"/v1/whatsapp/media?mediaId={mediaId}&originationPhoneNumberId={Phone}")).Body!["success"]!.GetValue<bool>());
        Assert.Equal(200, (await Eum.SendAsync("DELETE", $"/v1/whatsapp/media?mediaId={mediaId}&originationPhoneNumberId={Phone}")).Status);
        Assert.Equal("ResourceNotFoundException", (await Eum.SendAsync("POST", "/v1/whatsapp/media/get", new { mediaId, originationPhoneNumberId = Phone, metadataOnly = true })).ErrorType);
    }

    [Fact]
    public async Task Signup_callback_then_finalization_links_a_second_account()
    {
        var callback = await Eum.SendAsync("POST", "/v1/whatsapp/signup", new { signupCallback = new { accessToken = "EAAfake" } });
        var result = callback.Body!["signupCallbackResult"]!;
        var token = result["associateInProgressToken"]!.GetValue<string>();
        var (metaWabaId, pending) = result["linkedAccountsWithIncompleteSetup"]!.AsObject().Single();
        var phoneId = pending!["unregisteredWhatsAppPhoneNumbers"]![0]!["phoneNumberId"]!.GetValue<string>();

        var finalization = await Eum.SendAsync("POST", "/v1/whatsapp/signup", new
        {
            setupFinalization = new
            {
                associateInProgressToken = token,
                phoneNumbers = new[] { new { id = phoneId, twoFactorPin = "123456", dataLocalizationRegion = "DE" } },
                waba = new { id = metaWabaId, eventDestinations = new[] { new { eventDestinationArn = "arn:aws:sns:us-east-1:123456789012:other-topic" } } },
            },
        });
        Assert.Equal(200, finalization.Status);
        var linkedId = finalization.Body!["linkedWhatsAppBusinessAccountId"]!.GetValue<string>();

        var list = await Eum.SendAsync("GET", "/v1/whatsapp/waba/list?maxResults=1");
        Assert.Single(list.Body!["linkedAccounts"]!.AsArray());
        Assert.NotNull(list.Body["nextToken"]);
        var linked = await Eum.SendAsync("GET", $"/v1/whatsapp/waba/details?id={linkedId}");
        Assert.Equal("COMPLETE", linked.Body!["account"]!["registrationStatus"]!.GetValue<string>());
        Assert.Equal(phoneId, linked.Body["account"]!["phoneNumbers"]![0]!["phoneNumberId"]!.GetValue<string>());

        var reused = await Eum.SendAsync("POST", "/v1/whatsapp/signup", new { setupFinalization = new { associateInProgressToken = token, phoneNumbers = new[] { new { id = phoneId, twoFactorPin = "123456" } } } });
        Assert.Equal("InvalidParametersException", reused.ErrorType);
        var pin = await Eum.SendAsync("POST", "/v1/whatsapp/signup", new { setupFinalization = new { associateInProgressToken = "x", phoneNumbers = new[] { new { id = phoneId, twoFactorPin = "1234567" } } } });
        Assert.Contains("Value '***' at 'setupFinalization.phoneNumbers.1.member.twoFactorPin'", pin.Message);
    }

    [Fact]
    public async Task Unknown_operations_and_foreign_tag_arns_are_refused()
    {
        var unknown = await Eum.SendAsync("PUT", "/v1/whatsapp/send", new { });
        Assert.Equal(404, unknown.Status);
        Assert.Equal("UnknownOperationException", unknown.ErrorType);

        var foreign = await Eum.SendAsync("GET", "/v1/tags/list?resourceArn=" + Uri.EscapeDataString("arn:aws:social-messaging:us-east-1:9923825:phone-number-id/45c1973a7577"));
        Assert.Equal("InvalidParametersException", foreign.ErrorType);

        var tooMany = await Eum.SendAsync("PUT", "/v1/whatsapp/waba/eventdestinations", new
        {
            id = Waba,
            eventDestinations = new[] { new { eventDestinationArn = "arn:aws:sns:us-east-1:123456789012:a" }, new { eventDestinationArn = "arn:aws:sns:us-east-1:123456789012:b" } },
        });
        Assert.Equal("ValidationException", tooMany.ErrorType);
        Assert.Contains("'eventDestinations'", tooMany.Message);
    }

    [Fact]
    public async Task Health_shows_ids_but_not_the_secret_and_requests_can_be_cleared()
    {
        var health = await _sandbox.Http.GetStringAsync("/sandbox/health");
        Assert.Contains(Waba, health);
        Assert.Contains(Phone, health);
        Assert.DoesNotContain(SandboxHost.SecretAccessKey, health);

        await Eum.SendAsync("GET", "/v1/whatsapp/waba/list");
        Assert.NotEmpty((await _sandbox.Http.GetFromJsonAsync<JsonArray>("/sandbox/requests"))!);
        await _sandbox.Http.DeleteAsync("/sandbox/requests");
        Assert.Empty((await _sandbox.Http.GetFromJsonAsync<JsonArray>("/sandbox/requests"))!);
    }
}
