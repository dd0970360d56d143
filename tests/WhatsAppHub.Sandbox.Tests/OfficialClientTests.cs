using System.Net.Http.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Sandbox.Tests.Support;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Sandbox.Tests;

/// <summary>
/// The acceptance check: AWS's own JavaScript client (@aws-sdk/client-socialmessaging, test-only)
/// calls all 21 operations against the sandbox, signed with the sandbox's credentials, then with a
/// wrong secret and an unknown key.
/// </summary>
public sealed class OfficialClientTests
{
    private const int OperationCount = 21;

    [Fact]
    public async Task Official_client_gets_a_correct_answer_from_every_operation()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        var results = await OfficialClient.RunAsync(sandbox.BaseUrl, SandboxHost.AccessKeyId, SandboxHost.SecretAccessKey);

        Assert.Equal(OperationCount, results.Count);
        var failed = results.Where(r => r.Value["ok"]!.GetValue<bool>() != true).Select(r => $"{r.Key}: {r.Value["error"]}").ToList();
        Assert.True(failed.Count == 0, "Operations failed:\n" + string.Join("\n", failed));
        JsonNode Out(string operation) => results[operation]["output"]!;

        Assert.Matches(@"^wamid\.[A-Za-z0-9+/=]+$", Out("SendWhatsAppMessage")["messageId"]!.GetValue<string>());
        Assert.Equal("waba-0123456789abcdef0123456789abcdef", Out("ListLinkedWhatsAppBusinessAccounts")["linkedAccounts"]![0]!["id"]!.GetValue<string>());
        var account = Out("GetLinkedWhatsAppBusinessAccount")["account"]!;
        Assert.Equal("COMPLETE", account["registrationStatus"]!.GetValue<string>());
        Assert.Equal("arn:aws:sns:us-east-1:123456789012:whatsapphub-events", account["eventDestinations"]![0]!["eventDestinationArn"]!.GetValue<string>());
        Assert.Equal("phone-number-id-0123456789abcdef0123456789abcdef", account["phoneNumbers"]![0]!["phoneNumberId"]!.GetValue<string>());
        Assert.Equal("waba-0123456789abcdef0123456789abcdef", Out("GetLinkedWhatsAppBusinessAccountPhoneNumber")["linkedWhatsAppBusinessAccountId"]!.GetValue<string>());
        Assert.StartsWith("4::", Out("CreateWhatsAppMessageTemplateMedia")["metaHeaderHandle"]!.GetValue<string>());

        var created = Out("CreateWhatsAppMessageTemplate");
        var createdId = created["metaTemplateId"]!.GetValue<string>();
        Assert.Matches("^[0-9]+$", createdId);
        Assert.Equal("UTILITY", created["category"]!.GetValue<string>());
        Assert.Contains(Out("ListWhatsAppMessageTemplates")["templates"]!.AsArray(), t => t!["metaTemplateId"]!.GetValue<string>() == createdId && t["templateName"]!.GetValue<string>() == "order_ready_pickup");
        var template = JsonNode.Parse(Out("GetWhatsAppMessageTemplate")["template"]!.GetValue<string>())!;
        Assert.Equal("order_ready_pickup", template["name"]!.GetValue<string>());
        Assert.Equal(createdId, template["id"]!.GetValue<string>());

        Assert.Equal("delivery_update_1", Out("ListWhatsAppTemplateLibrary")["metaLibraryTemplates"]![0]!["templateName"]!.GetValue<string>());
        Assert.Matches("^[0-9]+$", Out("CreateWhatsAppMessageTemplateFromLibrary")["metaTemplateId"]!.GetValue<string>());
        Assert.Matches("^[A-Za-z0-9]+$", Out("PostWhatsAppMessageMedia")["mediaId"]!.GetValue<string>());
        Assert.Equal("image/jpeg", Out("GetWhatsAppMessageMedia")["mimeType"]!.GetValue<string>());
        Assert.True(Out("GetWhatsAppMessageMedia")["fileSize"]!.GetValue<long>() > 0);
        Assert.True(Out("DeleteWhatsAppMessageMedia")["success"]!.GetValue<bool>());
        Assert.Equal(200, Out("TagResource")["statusCode"]!.GetValue<int>());
        Assert.Equal(["env:sandbox", "project:whatsapphub"],
            Out("ListTagsForResource")["tags"]!.AsArray().Select(t => $"{t!["key"]}:{t["value"]}").Order().ToArray());
        Assert.Equal(200, Out("UntagResource")["statusCode"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(Out("AssociateWhatsAppBusinessAccount")["signupCallbackResult"]!["associateInProgressToken"]!.GetValue<string>()));

        // The sandbox saw 21 signed, valid requests, and the effects are real.
        var recorded = await sandbox.Http.GetFromJsonAsync<JsonArray>("/sandbox/requests");
        Assert.Equal(OperationCount, recorded!.Count);
        Assert.All(recorded, r => Assert.True(r!["signatureValid"]!.GetValue<bool>(), r["operation"]!.GetValue<string>()));
        Assert.All(recorded, r => Assert.Equal(200, r!["responseStatus"]!.GetValue<int>()));
        Assert.Equal(results.Keys.Order(), recorded.Select(r => r!["operation"]!.GetValue<string>()).Order());
        var linkDate = recorded.Single(r => r!["operation"]!.GetValue<string>() == "GetLinkedWhatsAppBusinessAccount")!["responseBody"]!["account"]!["linkDate"]!;
        Assert.Equal(System.Text.Json.JsonValueKind.Number, linkDate.GetValueKind());

        var eum = sandbox.Eum();
        var deleted = await eum.SendAsync("GET", "/v1/whatsapp/template?id=waba-0123456789abcdef0123456789abcdef&templateName=order_ready_pickup&templateLanguageCode=en_US");
        Assert.Equal("ResourceNotFoundException", deleted.ErrorType);
        var gone = await eum.SendAsync("GET", "/v1/whatsapp/waba/details?id=waba-0123456789abcdef0123456789abcdef");
        Assert.Equal(404, gone.Status);
    }

    [Fact]
    public async Task Official_client_is_refused_with_a_wrong_secret_or_an_unknown_key()
    {
        await using var sandbox = await SandboxHost.StartAsync();

        var wrongSecret = await OfficialClient.RunAsync(sandbox.BaseUrl, SandboxHost.AccessKeyId, "not-the-sandbox-secret");
        Assert.Equal(OperationCount, wrongSecret.Count);
        Assert.All(wrongSecret, r =>
        {
            Assert.False(r.Value["ok"]!.GetValue<bool>(), r.Key);
            Assert.Equal("InvalidSignatureException", r.Value["error"]!["name"]!.GetValue<string>());
            Assert.Equal(403, r.Value["error"]!["httpStatusCode"]!.GetValue<int>());
        });

        var unknownKey = await OfficialClient.RunAsync(sandbox.BaseUrl, "AKIAUNKNOWNKEY000000", SandboxHost.SecretAccessKey);
        Assert.All(unknownKey, r => Assert.Equal("UnrecognizedClientException", r.Value["error"]!["name"]!.GetValue<string>()));

        var recorded = await sandbox.Http.GetFromJsonAsync<JsonArray>("/sandbox/requests");
        Assert.Equal(2 * OperationCount, recorded!.Count);
        Assert.All(recorded, r => Assert.False(r!["signatureValid"]!.GetValue<bool>()));
        Assert.All(recorded, r => Assert.Equal(403, r!["responseStatus"]!.GetValue<int>()));
        Assert.Equal(OperationCount, recorded.Count(r => r!["accessKeyId"]!.GetValue<string>() == "AKIAUNKNOWNKEY000000"));

        // Refused sends are listed with the decoded message, and no status was published.
        var messages = await sandbox.Http.GetFromJsonAsync<JsonArray>("/sandbox/messages");
        Assert.Equal(2, messages!.Count);
        Assert.All(messages, m => Assert.False(m!["signatureValid"]!.GetValue<bool>()));
        Assert.Equal("whatsapp", messages[0]!["message"]!["messaging_product"]!.GetValue<string>());
    }
}
