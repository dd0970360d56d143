using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Sandbox.Eum.World;

namespace WhatsAppHub.Sandbox.Tests.Inbound;

/// <summary>A request's body names the sender and overrides any field; a bad body is refused field by field.</summary>
public sealed class InboundOverrideTests(InboundFixture fixture) : IClassFixture<InboundFixture>
{
    [Fact]
    public async Task From_sets_the_sender_and_its_contact_and_fields_merge_over_the_item()
    {
        var (status, answer) = await fixture.PostAsync("/sandbox/inbound/text",
            """{"from":"+44 7700-900123","profileName":"Priya","text":{"body":"hi"},"context":{"forwarded":true}}""");
        Assert.Equal(200, status);
        Assert.Equal("447700900123", answer!["events"]![0]!["from"]!.GetValue<string>());

        var received = await fixture.SingleAsync(answer);
        Assert.Equal("447700900123", received.Value["contacts"]![0]!["wa_id"]!.GetValue<string>());
        var message = Assert.Single(received.Parsed.Messages);
        Assert.Equal(("447700900123", "Priya", "hi"), (message.From, message.ContactName, Assert.IsType<TextContent>(message.Content).Body));
        Assert.True(message.Context!.Forwarded);
        // Steering fields are not copied into the item.
        Assert.Null(received.Value["messages"]![0]!["profileName"]);
    }

    [Fact]
    public async Task Deep_fields_override_and_null_removes_one()
    {
        // Tests simulate several ads by their source id and click id.
        var (_, referral) = await fixture.PostAsync("/sandbox/inbound/referral", """{"referral":{"ctwa_clid":"clid-42","source_id":"120200000000000077"}}""");
        var ad = Assert.Single((await fixture.SingleAsync(referral!)).Parsed.Messages).Referral!;
        Assert.Equal(("clid-42", "120200000000000077"), (ad.CtwaClid, ad.SourceId));
        Assert.Equal("Spring sale", ad.Headline);   // the rest of the default referral stays

        var (_, reaction) = await fixture.PostAsync("/sandbox/inbound/reaction", """{"reaction":{"message_id":"wamid.OURS","emoji":null}}""");
        var removed = Assert.IsType<ReactionContent>(Assert.Single((await fixture.SingleAsync(reaction!)).Parsed.Messages).Content);
        Assert.Equal(("wamid.OURS", null), (removed.MessageId, removed.Emoji));
    }

    [Fact]
    public async Task A_payment_status_names_the_hubs_order_its_amount_and_the_payer()
    {
        var (status, answer) = await fixture.PostAsync("/sandbox/inbound/payment-captured",
            """{"from":"+91 98000 00001","payment":{"reference_id":"BM345A-2","amount":{"value":120000}}}""");
        Assert.Equal(200, status);

        var payment = Assert.Single((await fixture.SingleAsync(answer!)).Parsed.Payments);
        Assert.Equal(("BM345A-2", 120000L, 100L, "captured", "919800000001"),
            (payment.ReferenceId, payment.Amount, payment.Offset, payment.Status, payment.RecipientId));
        Assert.Equal(("razorpay", "success"), (payment.Transaction!.Type, payment.Transaction.Status));
    }

    [Fact]
    public async Task A_status_can_name_the_hubs_own_message_and_recipient()
    {
        var (status, answer) = await fixture.PostAsync("/sandbox/inbound/status-read",
            """{"id":"wamid.HBgLMTU1NTU1NTAxMDAVAgARGBI1RTc3","recipient_id":"15555550177","biz_opaque_callback_data":"order-9"}""");
        Assert.Equal(200, status);
        Assert.Equal("wamid.HBgLMTU1NTU1NTAxMDAVAgARGBI1RTc3", answer!["events"]![0]!["wamid"]!.GetValue<string>());
        var update = Assert.Single((await fixture.SingleAsync(answer)).Parsed.Statuses);
        Assert.Equal(("wamid.HBgLMTU1NTU1NTAxMDAVAgARGBI1RTc3", "read", "15555550177", "order-9"),
            (update.Wamid, update.Status, update.RecipientId, update.CallbackData));
    }

    [Fact]
    public async Task A_media_message_can_name_its_media_id_and_never_replaces_stored_media()
    {
        var (_, answer) = await fixture.PostAsync("/sandbox/inbound/document", """{"document":{"id":"5566778899001122","filename":"label.pdf"}}""");
        Assert.Equal("5566778899001122", answer!["events"]![0]!["mediaId"]!.GetValue<string>());
        var world = fixture.Sandbox.Services.GetRequiredService<SandboxWorld>();
        Assert.Equal("application/pdf", world.Locked(w => w.Media["5566778899001122"]).MimeType);
        Assert.Equal("label.pdf", Assert.IsType<MediaContent>(Assert.Single((await fixture.SingleAsync(answer)).Parsed.Messages).Content).FileName);

        // The seeded voice note keeps its own record when a message names its id.
        var seeded = world.Locked(w => w.Media[SeedMediaIds.InboundVoiceNote]);
        await fixture.PostAsync("/sandbox/inbound/image",
            new JsonObject { ["image"] = new JsonObject { ["id"] = SeedMediaIds.InboundVoiceNote } }.ToJsonString());
        Assert.Same(seeded, world.Locked(w => w.Media[SeedMediaIds.InboundVoiceNote]));
    }

    [Fact]
    public async Task Waba_and_phone_number_may_be_named_by_meta_or_eum_id()
    {
        var (status, answer) = await fixture.PostAsync("/sandbox/inbound/account_review_update",
            """{"waba":"waba-0123456789abcdef0123456789abcdef","phoneNumberId":"106540352242922","decision":"REJECTED"}""");
        Assert.Equal(200, status);
        var received = await fixture.SingleAsync(answer!);
        Assert.Equal("102290129340398", received.Entry["id"]!.GetValue<string>());
        Assert.Equal("REJECTED", Assert.Single(received.Parsed.AccountEvents).Event);
    }

    [Theory]
    [InlineData("/sandbox/inbound/carrier_pigeon", "", "route.type")]
    [InlineData("/sandbox/inbound/text", "{nope", "$")]
    [InlineData("/sandbox/inbound/text", "[1,2]", "$")]
    [InlineData("/sandbox/inbound/text", """{"from":"not a number"}""", "$.from")]
    [InlineData("/sandbox/inbound/text", """{"from":15555550100}""", "$.from")]
    [InlineData("/sandbox/inbound/text", """{"from":"+1234"}""", "$.from")]
    [InlineData("/sandbox/inbound/security", """{"from":"+15555550100"}""", "$.from")]
    [InlineData("/sandbox/inbound/text", """{"profileName":""}""", "$.profileName")]
    [InlineData("/sandbox/inbound/text", """{"waba":"999"}""", "$.waba")]
    [InlineData("/sandbox/inbound/text", """{"phoneNumberId":"phone-number-id-ffffffffffffffffffffffffffffffff"}""", "$.phoneNumberId")]
    [InlineData("/sandbox/inbound/text?copies=0", "", "query.copies")]
    [InlineData("/sandbox/inbound/text?copies=11", "", "query.copies")]
    [InlineData("/sandbox/inbound/text?delayMs=-5", "", "query.delayMs")]
    [InlineData("/sandbox/inbound/text?delayMs=soon", "", "query.delayMs")]
    [InlineData("/sandbox/inbound", "", "$")]
    [InlineData("/sandbox/inbound", """{"events":[]}""", "$.events")]
    [InlineData("/sandbox/inbound", """{"events":[{"type":"text","body":"hi"}]}""", "$.events[0].body")]
    [InlineData("/sandbox/inbound", """{"events":[{"type":"text"},{"typ":"text"}]}""", "$.events[1].typ")]
    [InlineData("/sandbox/inbound", """{"events":[{"type":"text","body":{"from":"x"}}]}""", "$.events[0].body.from")]
    [InlineData("/sandbox/inbound", """{"events":[{"type":"text"}],"order":"sideways"}""", "$.order")]
    [InlineData("/sandbox/inbound", """{"events":[{"type":"text"}],"order":"shuffle","seed":1.5}""", "$.seed")]
    [InlineData("/sandbox/inbound", """{"events":[{"type":"text"}],"copies":10,"delayMs":60000}""", "$.delayMs")]
    public async Task A_bad_request_is_a_problem_naming_the_field_and_publishes_nothing(string path, string body, string field)
    {
        var before = fixture.Hub.Requests.Count;
        var (status, problem) = await fixture.PostAsync(path, body);
        Assert.Equal(400, status);
        Assert.Equal("urn:whatsapphub:sandbox:problem:validation", problem!["type"]!.GetValue<string>());
        Assert.Contains(field, problem["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()));
        Assert.Equal(before, fixture.Hub.Requests.Count);
    }

    [Fact]
    public async Task Every_broken_field_is_named_at_once()
    {
        var (status, problem) = await fixture.PostAsync("/sandbox/inbound/text?copies=99", """{"from":"x","waba":"1"}""");
        Assert.Equal(400, status);
        Assert.Equal(["$.from", "$.waba", "query.copies"], problem!["errors"]!.AsArray().Select(e => e!["path"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Overrides_of_any_shape_never_break_the_sandbox()
    {
        // The sandbox plays what it is told, even nonsense: the hub must cope with it (and keeps it raw).
        var (status, answer) = await fixture.PostAsync("/sandbox/inbound/image",
            """{"type":"image","image":null,"id":42,"timestamp":{"a":[1,{"b":null}]},"messages":"x"}""");
        Assert.Equal(200, status);
        Assert.Null(answer!["events"]![0]!["mediaId"]);
        Assert.Null(answer["events"]![0]!["wamid"]);
        var received = await fixture.SingleAsync(answer);
        Assert.IsType<UnknownContent>(Assert.Single(received.Parsed.Messages).Content);
        Assert.Equal(200, (int)(await fixture.Sandbox.Http.GetAsync("/sandbox/health")).StatusCode);
    }
}
