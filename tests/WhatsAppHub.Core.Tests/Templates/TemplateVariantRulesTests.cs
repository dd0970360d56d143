namespace WhatsAppHub.Core.Tests.Templates;

/// <summary>§3.5 buttons, §3.7 authentication, §3.8 limited-time offer, coupon, carousel and multi-product: one error per broken rule.</summary>
public class TemplateVariantRulesTests
{
    private const string Body = """{"type":"BODY","text":"Your order is on its way."}""";
    private const string Qr = """{"type":"QUICK_REPLY","text":"Yes"}""";
    private const string Link = """{"type":"URL","text":"Open","url":"https://example.com/a"}""";
    private const string Call = """{"type":"PHONE_NUMBER","text":"Call","phone_number":"+447700900123"}""";
    private const string Code = """{"type":"COPY_CODE","example":"SAVE10"}""";
    private const string ImageHeader = """{"type":"HEADER","format":"IMAGE","example":{"header_handle":["h"]}}""";
    private const string AuthBody = """{"type":"BODY","add_security_recommendation":true}""";
    private const string Apps = "\"supported_apps\":[{\"package_name\":\"com.example.app\",\"signature_hash\":\"K8a/AINcGX7\"}]";

    private static string Def(string components, string category = "MARKETING") =>
        $$"""{"name":"offer","language":"en_GB","category":"{{category}}","components":[{{components}}]}""";

    private static string Buttons(params string[] buttons) => $$"""{"type":"BUTTONS","buttons":[{{string.Join(",", buttons)}}]}""";

    private static string Card(string header = ImageHeader, string body = """{"type":"BODY","text":"Linen shirt"}""", string buttons = "") =>
        $$"""{"components":[{{string.Join(",", new[] { header, body, buttons }.Where(c => c.Length > 0))}}]}""";

    private static string Carousel(params string[] cards) =>
        $$"""{{Body}},{"type":"CAROUSEL","cards":[{{string.Join(",", cards)}}]}""";

    [Theory]
    // kinds and counts (§3.5)
    [InlineData("""{"type":"CALL_ME","text":"x"}""", "$.components[1].buttons[0].type", "enum")]
    [InlineData("""{"text":"x"}""", "$.components[1].buttons[0].type", "required")]
    [InlineData("""{"type":"QUICK_REPLY"}""", "$.components[1].buttons[0].text", "required")]
    [InlineData("""{"type":"QUICK_REPLY","text":"12345678901234567890123456"}""", "$.components[1].buttons[0].text", "maxLength")]
    [InlineData("""{"type":"QUICK_REPLY","text":"x","payload":"p"}""", "$.components[1].buttons[0].payload", "unknownMember")]
    [InlineData("""{"type":"URL","text":"Open"}""", "$.components[1].buttons[0].url", "required")]
    [InlineData("""{"type":"URL","text":"Open","url":"example.com/a"}""", "$.components[1].buttons[0].url", "url")]
    [InlineData("""{"type":"URL","text":"Open","url":"ftp://example.com/a"}""", "$.components[1].buttons[0].url", "url")]
    [InlineData("""{"type":"URL","text":"Open","url":"https://example.com/{{1}}/x","example":["https://example.com/a/x"]}""", "$.components[1].buttons[0].url", "urlVariable")]
    [InlineData("""{"type":"URL","text":"Open","url":"https://example.com/{{1}}{{2}}","example":["https://example.com/ab"]}""", "$.components[1].buttons[0].url", "urlVariable")]
    [InlineData("""{"type":"URL","text":"Open","url":"https://example.com/{{id}}","example":["https://example.com/a"]}""", "$.components[1].buttons[0].url", "urlVariable")]
    [InlineData("""{"type":"URL","text":"Open","url":"https://example.com/{{1}}"}""", "$.components[1].buttons[0].example", "required")]
    [InlineData("""{"type":"URL","text":"Open","url":"https://example.com/{{1}}","example":[]}""", "$.components[1].buttons[0].example", "exampleCount")]
    [InlineData("""{"type":"URL","text":"Open","url":"https://example.com/{{1}}","example":"https://example.com/a"}""", "$.components[1].buttons[0].example", "type")]
    [InlineData("""{"type":"URL","text":"Open","url":"https://example.com/a","example":["https://example.com/a"]}""", "$.components[1].buttons[0].example", "exampleUnused")]
    [InlineData("""{"type":"PHONE_NUMBER","text":"Call"}""", "$.components[1].buttons[0].phone_number", "required")]
    [InlineData("""{"type":"PHONE_NUMBER","text":"Call","phone_number":"+44 7700 900123"}""", "$.components[1].buttons[0].phone_number", "phoneNumber")]
    [InlineData("""{"type":"PHONE_NUMBER","text":"Call","phone_number":"+4477009001231234567890"}""", "$.components[1].buttons[0].phone_number", "maxLength")]
    [InlineData("""{"type":"COPY_CODE"}""", "$.components[1].buttons[0].example", "required")]
    [InlineData("""{"type":"COPY_CODE","example":"1234567890123456"}""", "$.components[1].buttons[0].example", "maxLength")]
    [InlineData("""{"type":"FLOW","text":"Book"}""", "$.components[1].buttons[0]", "oneOf")]
    [InlineData("""{"type":"FLOW","text":"Book","flow_id":"1","flow_name":"booking"}""", "$.components[1].buttons[0]", "oneOf")]
    [InlineData("""{"type":"OTP","otp_type":"COPY_CODE"}""", "$.components[1].buttons[0].type", "category")]
    [InlineData("""{"type":"MPM","text":"View items","x":1}""", "$.components[1].buttons[0].x", "unknownMember")]
    public void Each_broken_button_rule_is_named_once(string button, string path, string rule) =>
        Definition.RefusedOnce(Def($"{Body},{Buttons(button)}"), path, rule);

    [Theory]
    [InlineData(Link + "," + Link + "," + Link, "$.components[1].buttons[2]", "maxItems")]
    [InlineData(Call + "," + Call, "$.components[1].buttons[1]", "maxItems")]
    [InlineData(Code + "," + Code, "$.components[1].buttons[1]", "maxItems")]
    [InlineData("""{"type":"CATALOG"},{"type":"CATALOG"}""", "$.components[1].buttons[1]", "maxItems")]
    [InlineData(Qr + "," + Qr + "," + Qr + "," + Qr + "," + Qr + "," + Qr + "," + Qr + "," + Qr + "," + Qr + "," + Qr + "," + Qr, "$.components[1].buttons", "maxItems")]
    [InlineData(Qr + "," + Link + "," + Qr, "$.components[1].buttons", "grouping")]
    [InlineData("", "$.components[1].buttons", "minItems")]
    public void Button_counts_and_grouping_are_checked(string buttons, string path, string rule) =>
        Definition.RefusedOnce(Def($"{Body},{Buttons(buttons)}"), path, rule);

    [Theory]
    [InlineData(Qr + "," + Qr + "," + Link + "," + Call)]
    [InlineData(Link + "," + Call + "," + Qr + "," + Qr)]
    [InlineData(Qr + "," + Qr + "," + Qr + "," + Qr + "," + Qr + "," + Qr + "," + Qr + "," + Qr + "," + Qr + "," + Qr)]
    [InlineData(Link + "," + Link + "," + Call + "," + Code + "," + Qr + "," + Qr + "," + Qr + "," + Qr + "," + Qr + "," + Qr)]
    public void Allowed_button_combinations_are_accepted(string buttons) => Definition.Accepted(Def($"{Body},{Buttons(buttons)}"));

    [Theory]
    // authentication (§3.7)
    [InlineData($$$"""{"type":"BODY","text":"Your code is below."},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE"}]}""", "$.components[0].text", "unknownMember")]
    [InlineData($$$"""{{{AuthBody}}},{"type":"FOOTER","code_expiration_minutes":91},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE"}]}""", "$.components[1].code_expiration_minutes", "range")]
    [InlineData($$$"""{{{AuthBody}}},{"type":"FOOTER","code_expiration_minutes":0},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE"}]}""", "$.components[1].code_expiration_minutes", "range")]
    [InlineData($$$"""{{{AuthBody}}},{"type":"FOOTER","text":"Example Ltd"},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE"}]}""", "$.components[1].text", "unknownMember")]
    [InlineData($$$"""{"type":"BODY","add_security_recommendation":"yes"},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE"}]}""", "$.components[0].add_security_recommendation", "type")]
    [InlineData($$$"""{{{AuthBody}}}""", "$.components", "otpButton")]
    [InlineData($$$"""{"type":"HEADER","format":"TEXT","text":"Code"},{{{AuthBody}}},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE"}]}""", "$.components[0].type", "category")]
    [InlineData($$$"""{{{AuthBody}}},{"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Yes"}]}""", "$.components[1].buttons[0].type", "category")]
    [InlineData($$$"""{{{AuthBody}}},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE"},{"type":"OTP","otp_type":"COPY_CODE"}]}""", "$.components[1].buttons[1]", "maxItems")]
    [InlineData($$$"""{{{AuthBody}}},{"type":"BUTTONS","buttons":[{"type":"OTP"}]}""", "$.components[1].buttons[0].otp_type", "required")]
    [InlineData($$$"""{{{AuthBody}}},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"TWO_TAP"}]}""", "$.components[1].buttons[0].otp_type", "enum")]
    [InlineData($$$"""{{{AuthBody}}},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE","text":"12345678901234567890123456"}]}""", "$.components[1].buttons[0].text", "maxLength")]
    [InlineData($$$"""{{{AuthBody}}},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"ONE_TAP"}]}""", "$.components[1].buttons[0].supported_apps", "required")]
    [InlineData($$$"""{{{AuthBody}}},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"ONE_TAP","supported_apps":[]}]}""", "$.components[1].buttons[0].supported_apps", "minItems")]
    [InlineData($$$"""{{{AuthBody}}},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"ONE_TAP","supported_apps":[{"package_name":"com.example.app"}]}]}""", "$.components[1].buttons[0].supported_apps[0].signature_hash", "required")]
    [InlineData($$$"""{{{AuthBody}}},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"ONE_TAP","supported_apps":[{"package_name":"","signature_hash":"K8a"}]}]}""", "$.components[1].buttons[0].supported_apps[0].package_name", "required")]
    [InlineData($$$"""{{{AuthBody}}},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"ZERO_TAP",{{{Apps}}}}]}""", "$.components[1].buttons[0].zero_tap_terms_accepted", "zeroTapTerms")]
    [InlineData($$$"""{{{AuthBody}}},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"ZERO_TAP","zero_tap_terms_accepted":false,{{{Apps}}}}]}""", "$.components[1].buttons[0].zero_tap_terms_accepted", "zeroTapTerms")]
    [InlineData($$$"""{{{AuthBody}}},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"ONE_TAP","package_name":"com.example.app",{{{Apps}}}}]}""", "$.components[1].buttons[0].package_name", "unknownMember")]
    public void Each_broken_authentication_rule_is_named_once(string components, string path, string rule) =>
        Definition.RefusedOnce(Def(components, "AUTHENTICATION"), path, rule);

    [Fact]
    public void At_most_ten_supported_apps()
    {
        var apps = string.Join(",", Enumerable.Range(0, 11).Select(i => $$"""{"package_name":"com.example.app{{i}}","signature_hash":"K8a"}"""));
        Definition.RefusedOnce(Def($$"""{{AuthBody}},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"ONE_TAP","supported_apps":[{{apps}}]}]}""", "AUTHENTICATION"),
            "$.components[1].buttons[0].supported_apps", "maxItems");
    }

    [Theory]
    // limited-time offer (§3.8)
    [InlineData($$$"""{"type":"LIMITED_TIME_OFFER","limited_time_offer":{"text":"12345678901234567"}},{{{Body}}}""", "MARKETING", "$.components[0].limited_time_offer.text", "maxLength")]
    [InlineData($$$"""{"type":"LIMITED_TIME_OFFER"},{{{Body}}}""", "MARKETING", "$.components[0].limited_time_offer", "required")]
    [InlineData($$$"""{"type":"LIMITED_TIME_OFFER","limited_time_offer":{"text":"Sale","has_expiration":1}},{{{Body}}}""", "MARKETING", "$.components[0].limited_time_offer.has_expiration", "type")]
    [InlineData($$$"""{"type":"LIMITED_TIME_OFFER","limited_time_offer":{"text":"Sale","ends":1}},{{{Body}}}""", "MARKETING", "$.components[0].limited_time_offer.ends", "unknownMember")]
    [InlineData($$$"""{"type":"LIMITED_TIME_OFFER","limited_time_offer":{"text":"Sale"}},{{{Body}}}""", "UTILITY", "$.components[0].type", "category")]
    [InlineData($$$"""{"type":"LIMITED_TIME_OFFER","limited_time_offer":{"text":"Sale"}},{{{Body}}},{"type":"FOOTER","text":"Example Ltd"}""", "MARKETING", "$.components[2].type", "limitedTimeOffer")]
    [InlineData($$$"""{"type":"HEADER","format":"DOCUMENT","example":{"header_handle":["h"]}},{"type":"LIMITED_TIME_OFFER","limited_time_offer":{"text":"Sale"}},{{{Body}}}""", "MARKETING", "$.components[0].format", "limitedTimeOffer")]
    [InlineData($$$"""{"type":"LIMITED_TIME_OFFER","limited_time_offer":{"text":"Sale"}},{{{Body}}},{"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Yes"}]}""", "MARKETING", "$.components[2].buttons[0].type", "buttonKind")]
    // multi-product (§3.8)
    [InlineData($$$"""{{{ImageHeader}}},{{{Body}}},{"type":"BUTTONS","buttons":[{"type":"MPM","text":"View items"}]}""", "MARKETING", "$.components[0].format", "multiProduct")]
    [InlineData($$$"""{{{Body}}},{"type":"BUTTONS","buttons":[{"type":"MPM","text":"View items"}]}""", "UTILITY", "$.components[1].buttons[0].type", "category")]
    [InlineData($$$"""{{{Body}}},{"type":"BUTTONS","buttons":[{"type":"MPM"},{"type":"MPM"}]}""", "MARKETING", "$.components[1].buttons[1]", "maxItems")]
    public void Each_broken_variant_rule_is_named_once(string components, string category, string path, string rule) =>
        Definition.RefusedOnce(Def(components, category), path, rule);

    [Fact]
    public void A_limited_time_offer_body_is_at_most_600_characters()
    {
        var offer = """{"type":"LIMITED_TIME_OFFER","limited_time_offer":{"text":"Sale"}}""";
        Definition.Accepted(Def($$"""{{offer}},{"type":"BODY","text":"{{new string('a', 600)}}"}"""));
        Definition.RefusedOnce(Def($$"""{{offer}},{"type":"BODY","text":"{{new string('a', 601)}}"}"""), "$.components[1].text", "maxLength");
    }

    [Fact]
    public void A_carousel_has_two_to_ten_cards()
    {
        Definition.RefusedOnce(Def(Carousel(Card())), "$.components[1].cards", "minItems");
        Definition.Accepted(Def(Carousel(Enumerable.Repeat(Card(), 10).ToArray())));
        Definition.RefusedOnce(Def(Carousel(Enumerable.Repeat(Card(), 11).ToArray())), "$.components[1].cards", "maxItems");
    }

    [Theory]
    [InlineData("""{"type":"HEADER","format":"TEXT","text":"Shirt"}""", "", "", "$.components[1].cards[1].components[0].format", "enum")]
    [InlineData("""{"type":"HEADER","format":"IMAGE"}""", "", "", "$.components[1].cards[1].components[0].example", "required")]
    [InlineData("", """{"type":"BODY","text":"Hat"}""", "", "$.components[1].cards[1].components", "required")]
    [InlineData(ImageHeader, """{"type":"BODY","text":"12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901"}""", "", "$.components[1].cards[1].components[1].text", "maxLength")]
    [InlineData(ImageHeader, """{"type":"FOOTER","text":"x"}""", "", "$.components[1].cards[1].components[1].type", "enum")]
    [InlineData(ImageHeader, """{"type":"BODY","text":"Hat {{1}} now","example":{"body_text":[["£5"]]}},{"type":"BODY","text":"Hat"}""", "", "$.components[1].cards[1].components[2].type", "unique")]
    public void Each_broken_card_rule_is_named_once(string header, string body, string buttons, string path, string rule)
    {
        var broken = Card(header, body.Length > 0 ? body : """{"type":"BODY","text":"Hat"}""", buttons);
        Definition.RefusedOnce(Def(Carousel(Card(), broken)), path, rule);
    }

    [Theory]
    [InlineData(Qr + "," + Qr + "," + Qr, "$.components[1].cards[1].components[2].buttons", "maxItems")]
    [InlineData(Code, "$.components[1].cards[1].components[2].buttons[0].type", "buttonKind")]
    public void Card_buttons_are_at_most_two_of_reply_phone_or_url(string buttons, string path, string rule)
    {
        var card = Card(buttons: $$"""{"type":"BUTTONS","buttons":[{{buttons}}]}""");
        var errors = Definition.Errors(Def(Carousel(card, card)));
        Assert.Contains(errors, e => e.Path == path && e.Rule == rule);
        Assert.Contains(errors, e => e.Path == path.Replace("cards[1]", "cards[0]") && e.Rule == rule);
        Assert.Equal(2, errors.Count);
    }

    [Theory]
    [InlineData("VIDEO header", """{"type":"HEADER","format":"VIDEO","example":{"header_handle":["h"]}}""", """{"type":"BODY","text":"Hat"}""", "")]
    [InlineData("no body", ImageHeader, "", "")]
    [InlineData("other buttons", ImageHeader, """{"type":"BODY","text":"Hat"}""", """{"type":"BUTTONS","buttons":[{"type":"QUICK_REPLY","text":"Yes"}]}""")]
    public void Every_card_is_built_like_the_first(string difference, string header, string body, string buttons)
    {
        _ = difference;
        var second = $$"""{"components":[{{string.Join(",", new[] { header, body, buttons }.Where(c => c.Length > 0))}}]}""";
        Definition.RefusedOnce(Def(Carousel(Card(), second)), "$.components[1].cards[1]", "cardStructure");
    }

    [Fact]
    public void A_carousel_is_for_marketing_templates() =>
        Definition.RefusedOnce(Def(Carousel(Card(), Card()), "UTILITY"), "$.components[1].type", "category");

    [Fact]
    public void A_definition_larger_than_EUM_takes_is_refused()
    {
        // Ten cards, each within every Meta limit, with long media handles: over EUM's 6000-byte definition.
        var handle = new string('h', 500);
        var card = Card($$$"""{"type":"HEADER","format":"IMAGE","example":{"header_handle":["{{{handle}}}"]}}""", $$"""{"type":"BODY","text":"{{new string('b', 160)}}"}""");
        Definition.RefusedOnce(Def(Carousel(Enumerable.Repeat(card, 10).ToArray())), "$", "maxBytes");
        Definition.Accepted(Def(Carousel(Enumerable.Repeat(card, 5).ToArray())));
    }

    [Fact]
    public void A_product_card_may_list_its_button_before_its_header()
    {
        var card = """{"components":[{"type":"BUTTONS","buttons":[{"type":"SPM","text":"View"}]},{"type":"HEADER","format":"PRODUCT"}]}""";
        Definition.Accepted(Def(Carousel(card, card)));
    }

    [Fact]
    public void An_offer_in_an_authentication_template_is_one_category_error()
    {
        var components = $$$"""{"type":"LIMITED_TIME_OFFER","limited_time_offer":{"text":"Sale"}},{{{AuthBody}}},{"type":"FOOTER","code_expiration_minutes":5},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE"}]}""";
        Definition.RefusedOnce(Def(components, "AUTHENTICATION"), "$.components[0].type", "category");
    }
}
