using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Functions.Tests.Support;
using WhatsAppHub.Testing.Templates;
using static WhatsAppHub.Functions.Tests.Templates.TemplateLifecycleTests;

namespace WhatsAppHub.Functions.Tests.Templates;

/// <summary>
/// The typed send routes <c>POST /api/templates/{name}/send/{kind}</c> end to end: each kind's typed members reach the
/// sandbox as exactly the Cloud API template object Meta expects; wrong members are refused at the caller's own paths,
/// and a template of another kind is refused, both before EUM is called.
/// </summary>
[Collection("Templates")]
public class TemplateKindSendTests(TemplatesFixture fixture)
{
    private HttpClient Http => fixture.Hub.Http;

    public static TheoryData<string, string, string, string> Sends => new()
    {
        {
            "marketing", nameof(TemplateExamples.SpringSale),
            """{ "header": { "image": { "link": "https://cdn.example.com/spring.jpg" } }, "body": [ "Priya", "Sunday" ] }""",
            """[{"type":"header","parameters":[{"type":"image","image":{"link":"https://cdn.example.com/spring.jpg"}}]},{"type":"body","parameters":[{"type":"text","text":"Priya"},{"type":"text","text":"Sunday"}]}]"""
        },
        {
            "utility", nameof(TemplateExamples.OrderShipped),
            """{ "header": { "order_id": "AB9" }, "body": { "first_name": "Priya", "eta": "Tuesday" }, "buttons": [ { "index": 0, "value": "AB9" } ], "tapTarget": { "url": "https://track.example.com/AB9", "title": "Track AB9" } }""",
            """[{"type":"header","parameters":[{"type":"text","parameter_name":"order_id","text":"AB9"}]},{"type":"body","parameters":[{"type":"text","parameter_name":"first_name","text":"Priya"},{"type":"text","parameter_name":"eta","text":"Tuesday"}]},{"type":"button","sub_type":"url","index":0,"parameters":[{"type":"text","text":"AB9"}]},{"type":"tap_target_configuration","parameters":[{"type":"tap_target_configuration","tap_target_configuration":[{"url":"https://track.example.com/AB9","title":"Track AB9"}]}]}]"""
        },
        {
            "authentication", nameof(TemplateExamples.LoginCode), """{ "code": "482913" }""",
            """[{"type":"body","parameters":[{"type":"text","text":"482913"}]},{"type":"button","sub_type":"url","index":0,"parameters":[{"type":"text","text":"482913"}]}]"""
        },
        {
            "coupon", nameof(TemplateExamples.Coupon), """{ "header": [ "Priya" ], "couponCode": "WELCOME10", "urlSuffix": "WELCOME10" }""",
            """[{"type":"header","parameters":[{"type":"text","text":"Priya"}]},{"type":"button","sub_type":"copy_code","index":0,"parameters":[{"type":"coupon_code","coupon_code":"WELCOME10"}]},{"type":"button","sub_type":"url","index":1,"parameters":[{"type":"text","text":"WELCOME10"}]}]"""
        },
        {
            "limited-time-offer", nameof(TemplateExamples.LimitedTimeOffer),
            """{ "header": { "video": { "link": "https://cdn.example.com/flash.mp4" } }, "body": [ "Priya" ], "offerExpiresAt": "2030-01-01T00:00:00Z", "couponCode": "FLASH30", "urlSuffix": "flash" }""",
            """[{"type":"header","parameters":[{"type":"video","video":{"link":"https://cdn.example.com/flash.mp4"}}]},{"type":"body","parameters":[{"type":"text","text":"Priya"}]},{"type":"limited_time_offer","parameters":[{"type":"limited_time_offer","limited_time_offer":{"expiration_time_ms":1893456000000}}]},{"type":"button","sub_type":"copy_code","index":0,"parameters":[{"type":"coupon_code","coupon_code":"FLASH30"}]},{"type":"button","sub_type":"url","index":1,"parameters":[{"type":"text","text":"flash"}]}]"""
        },
        {
            "catalog", nameof(TemplateExamples.Catalog), """{ "thumbnailProductRetailerId": "SKU-1" }""",
            """[{"type":"button","sub_type":"catalog","index":0,"parameters":[{"type":"action","action":{"thumbnail_product_retailer_id":"SKU-1"}}]}]"""
        },
        {
            "multi-product", nameof(TemplateExamples.MultiProduct),
            """{ "body": [ "Priya" ], "thumbnailProductRetailerId": "SKU-1", "sections": [ { "title": "Shirts", "productRetailerIds": [ "SKU-1", "SKU-2" ] }, { "title": "Hats", "productRetailerIds": [ "SKU-9" ] } ] }""",
            """[{"type":"body","parameters":[{"type":"text","text":"Priya"}]},{"type":"button","sub_type":"mpm","index":0,"parameters":[{"type":"action","action":{"thumbnail_product_retailer_id":"SKU-1","sections":[{"title":"Shirts","product_items":[{"product_retailer_id":"SKU-1"},{"product_retailer_id":"SKU-2"}]},{"title":"Hats","product_items":[{"product_retailer_id":"SKU-9"}]}]}}]}]"""
        },
        {
            "carousel", nameof(TemplateExamples.MediaCarousel),
            """{ "body": [ "Priya" ], "cards": [ { "header": { "image": { "link": "https://cdn.example.com/1.jpg" } }, "body": [ "£25" ], "buttons": [ { "index": 1, "value": "1" } ] }, { "header": { "image": { "link": "https://cdn.example.com/2.jpg" } }, "buttons": [ { "index": 1, "value": "2" } ] } ] }""",
            """[{"type":"body","parameters":[{"type":"text","text":"Priya"}]},{"type":"carousel","cards":[{"card_index":0,"components":[{"type":"header","parameters":[{"type":"image","image":{"link":"https://cdn.example.com/1.jpg"}}]},{"type":"body","parameters":[{"type":"text","text":"£25"}]},{"type":"button","sub_type":"url","index":1,"parameters":[{"type":"text","text":"1"}]}]},{"card_index":1,"components":[{"type":"header","parameters":[{"type":"image","image":{"link":"https://cdn.example.com/2.jpg"}}]},{"type":"button","sub_type":"url","index":1,"parameters":[{"type":"text","text":"2"}]}]}]}]"""
        },
    };

    [Theory]
    [MemberData(nameof(Sends))]
    public async Task Each_kind_reaches_the_sandbox_as_the_cloud_api_template_object(string kind, string example, string members, string components)
    {
        var (name, language) = await fixture.CreateApprovedExampleAsync(example);
        var to = TemplatesFixture.NewRecipient();

        using var sent = await Http.PostAsync($"/api/templates/{name}/send/{kind}?wait=true", Body(to, language, members));
        Assert.True(sent.StatusCode == HttpStatusCode.Created, await sent.Content.ReadAsStringAsync());

        var template = await fixture.SandboxTemplateAsync(to);
        // Through JsonNode both sides escape alike ("£" as \u00A3).
        var expected = JsonNode.Parse($$"""{"name":"{{name}}","language":{"code":"{{language}}"},"components":{{components}}}""")!;
        Assert.Equal(expected.ToJsonString(), template.ToJsonString());
    }

    public static TheoryData<string, string, string, string[]> WrongMembers => new()
    {
        // The header's variable missing, a code too long, a suffix of the wrong type, the generic route's member.
        { "coupon", nameof(TemplateExamples.Coupon), """{ "couponCode": "WELCOME10WELCOME10", "urlSuffix": 7, "values": {} }""", ["$.header", "$.couponCode", "$.urlSuffix", "$.values"] },
        { "coupon", nameof(TemplateExamples.Coupon), """{ "header": [ "Priya" ] }""", ["$.couponCode", "$.urlSuffix"] },
        { "limited-time-offer", nameof(TemplateExamples.LimitedTimeOffer), """{ "header": { "video": { "link": "https://cdn.example.com/flash.mp4" } }, "body": [ "Priya" ], "offerExpiresAt": "next week", "couponCode": "FLASH30", "urlSuffix": "flash" }""", ["$.offerExpiresAt"] },
        { "limited-time-offer", nameof(TemplateExamples.LimitedTimeOffer), """{ "header": { "video": { "link": "https://cdn.example.com/flash.mp4" } }, "body": [ "Priya" ], "offerExpiresAt": 1500000000000, "couponCode": "", "urlSuffix": "flash" }""", ["$.offerExpiresAt", "$.couponCode"] },
        { "limited-time-offer", nameof(TemplateExamples.LimitedTimeOffer), """{ "header": { "video": { "link": "https://cdn.example.com/flash.mp4" } }, "body": [ "Priya" ], "couponCode": "FLASH30", "urlSuffix": "flash" }""", ["$.offerExpiresAt"] },
        { "catalog", nameof(TemplateExamples.Catalog), """{ "thumbnailProductRetailerId": 42, "body": [ "x" ] }""", ["$.thumbnailProductRetailerId", "$.body"] },
        { "multi-product", nameof(TemplateExamples.MultiProduct), """{ "body": [ "Priya" ], "sections": [ { "title": "Shirts for every summer day", "productRetailerIds": [ "SKU-1", 5 ], "extra": true } ] }""",
            ["$.thumbnailProductRetailerId", "$.sections[0].title", "$.sections[0].productRetailerIds[1]", "$.sections[0].extra"] },
        { "multi-product", nameof(TemplateExamples.MultiProduct), """{ "body": [ "Priya" ], "thumbnailProductRetailerId": "SKU-1" }""", ["$.sections"] },
        { "carousel", nameof(TemplateExamples.MediaCarousel), """{ "body": [ "Priya" ], "cards": [ { "header": { "image": { "link": "https://cdn.example.com/1.jpg" } } } ] }""", ["$.cards"] },
        { "carousel", nameof(TemplateExamples.MediaCarousel), """{ "body": [ "Priya" ], "cards": [ { "body": [ "£25" ], "buttons": [ { "index": 1, "value": "1" } ] }, { "header": { "image": { "link": "https://cdn.example.com/2.jpg" } }, "buttons": [ { "index": 1, "value": "2" } ] } ] }""", ["$.cards[0].header"] },
        { "utility", nameof(TemplateExamples.OrderShipped), """{ "header": { "order_id": "AB9" }, "body": { "first_name": "Priya" }, "buttons": [ { "index": 0, "value": "AB9" } ], "tapTarget": { "url": "http://track.example.com", "title": "Track" } }""",
            ["$.body.eta", "$.tapTarget.url"] },
        { "marketing", nameof(TemplateExamples.SpringSale), """{ "body": [ "Priya" ], "code": "1234" }""", ["$.header", "$.body", "$.code"] },
    };

    [Theory]
    [MemberData(nameof(WrongMembers))]
    public async Task Wrong_members_are_refused_at_their_own_paths_before_eum_is_called(string kind, string example, string members, string[] paths)
    {
        var (name, language) = await fixture.CreateApprovedExampleAsync(example);
        var to = TemplatesFixture.NewRecipient();

        using var sent = await Http.PostAsync($"/api/templates/{name}/send/{kind}", Body(to, language, members));

        var problem = await ProblemAssert.IsProblem(sent, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(paths.Order(StringComparer.Ordinal), ProblemAssert.ErrorPaths(problem).Order(StringComparer.Ordinal));
        Assert.Empty(await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, to));
    }

    public static TheoryData<string, string, string> OtherKinds => new()
    {
        { "coupon", nameof(TemplateExamples.SpringSale), "MARKETING" },
        { "limited-time-offer", nameof(TemplateExamples.Coupon), "coupon" },
        { "catalog", nameof(TemplateExamples.MultiProduct), "multi-product" },
        { "multi-product", nameof(TemplateExamples.Catalog), "catalog" },
        { "carousel", nameof(TemplateExamples.SpringSale), "MARKETING" },
        { "marketing", nameof(TemplateExamples.OrderShipped), "UTILITY" },
        { "utility", nameof(TemplateExamples.LoginCode), "AUTHENTICATION" },
        // A carousel is a MARKETING template, but only its own route takes its cards.
        { "marketing", nameof(TemplateExamples.MediaCarousel), "/send/carousel" },
    };

    [Theory]
    [MemberData(nameof(OtherKinds))]
    public async Task A_template_of_another_kind_is_refused_naming_what_it_is(string kind, string example, string named)
    {
        var (name, language) = await fixture.CreateApprovedExampleAsync(example);
        var to = TemplatesFixture.NewRecipient();

        using var sent = await Http.PostAsync($"/api/templates/{name}/send/{kind}", Body(to, language, "{}"));

        var problem = await ProblemAssert.IsProblem(sent, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["route.name"], ProblemAssert.ErrorPaths(problem));
        Assert.Contains(named, problem.ToString());
        Assert.Empty(await Messages.SandboxSendsToAsync(fixture.Sandbox.Http, to));
    }

    [Fact]
    public async Task A_marketing_send_records_its_marketing_row_and_an_otp_send_its_auth_row_without_the_code()
    {
        var (marketing, _) = await fixture.CreateApprovedExampleAsync(nameof(TemplateExamples.SpringSale));
        var to = TemplatesFixture.NewRecipient();
        // The generic route records it as well: the row follows the template's category, not the route.
        using var sent = await Http.PostAsync($"/api/templates/{marketing}/send?wait=true",
            Body(to, "en", """{ "values": { "header": { "image": { "link": "https://cdn.example.com/spring.jpg" } }, "body": [ "Priya", "Sunday" ] } }"""));
        Assert.True(sent.StatusCode == HttpStatusCode.Created, await sent.Content.ReadAsStringAsync());
        var message = await Http.GetFromJsonAsync<JsonObject>(sent.Headers.Location!.OriginalString);
        var row = message!["marketing"]!;
        Assert.Equal((marketing, "en"), ((string?)row["template"], (string?)row["language"]));
        Assert.Null(row["campaignId"]);
        Assert.Equal((await fixture.SandboxTemplateAsync(to))["components"]!.ToJsonString(), row["parameters"]!.ToJsonString());
        Assert.Null(message["authentication"]);
        // The listing shows the message once: its MARKETING_MESSAGE row shares the partition but is no message.
        var listed = await Http.GetFromJsonAsync<JsonObject>($"/api/messages?to={Uri.EscapeDataString(to)}");
        Assert.Equal((string?)message["id"], (string?)Assert.Single(listed!["items"]!.AsArray())!["id"]);

        var (otp, _) = await fixture.CreateApprovedExampleAsync(nameof(TemplateExamples.LoginCode));
        var otpTo = TemplatesFixture.NewRecipient();
        using var otpSent = await Http.PostAsync($"/api/templates/{otp}/send/authentication?wait=true", Body(otpTo, "en_US", """{ "code": "918273" }"""));
        Assert.True(otpSent.StatusCode == HttpStatusCode.Created, await otpSent.Content.ReadAsStringAsync());
        var otpMessage = await Http.GetFromJsonAsync<JsonObject>(otpSent.Headers.Location!.OriginalString);
        var auth = otpMessage!["authentication"]!;
        Assert.Equal((otp, 5), ((string?)auth["template"], (int?)auth["codeExpirationMinutes"]));
        Assert.Null(otpMessage["marketing"]);

        // Read as stored: the AUTH_MESSAGE row holds no trace of the code.
        var id = (string)otpMessage["id"]!;
        var stored = await fixture.MessagesTable.GetAsync($"MSG|{id[..9]}", id + "|AUTH");
        Assert.NotNull(stored);
        Assert.Equal("AUTH_MESSAGE", stored.GetString("itemType"));
        Assert.DoesNotContain("918273", string.Join(" ", stored.Select(p => p.Value?.ToString())), StringComparison.Ordinal);
    }

    /// <summary>A send body: the kind's <paramref name="members"/> with the recipient and language.</summary>
    internal static StringContent Body(string to, string language, string members)
    {
        var body = JsonNode.Parse(members)!.AsObject();
        body["to"] = to;
        body["language"] = language;
        return Json(body.ToJsonString());
    }
}
