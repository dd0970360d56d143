using System.Text.Json;
using WhatsAppHub.Core.Templates;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Testing.Templates;

namespace WhatsAppHub.Core.Tests.Templates;

/// <summary>§3 template definitions: every valid example accepted; each rule broken alone gives exactly its one error.</summary>
public class TemplateDefinitionRulesTests
{
    private const string Body = """{"type":"BODY","text":"Your order is on its way."}""";
    private const string Otp = """{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE"}]}""";

    public static TheoryData<string> ValidExamples => new(TemplateExamples.All.Keys);

    /// <summary>A definition of <paramref name="category"/> with <paramref name="components"/> (JSON array items) and extra top-level members.</summary>
    private static string Def(string components, string category = "UTILITY", string extra = "") =>
        $$"""{"name":"order_update","language":"en_GB","category":"{{category}}",{{extra}}"components":[{{components}}]}""";

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void Valid_definitions_are_accepted(string example) => Definition.Accepted(TemplateExamples.All[example]);

    [Theory]
    [InlineData("""{"name":"a","language":"en","category":"UTILITY","components":[{"type":"body","text":"x"}]}""")]
    [InlineData("""{"name":"a","language":"fil","category":"UTILITY","parameter_format":"POSITIONAL","components":[{"type":"body","text":"Hi {{1}}!","example":{"body_text":[["Bo"]]}}]}""")]
    [InlineData("""{"name":"a","language":"zh_HK","category":"MARKETING","message_send_ttl_seconds":2592000,"components":[{"type":"header","format":"gif","example":{"header_handle":["h"]}},{"type":"body","text":"x"}]}""")]
    [InlineData("""{"name":"a","language":"en","category":"UTILITY","message_send_ttl_seconds":30,"components":[{"type":"body","text":"Hi {{1}}, see {{2}} and {{1}} again.","example":{"body_text":[["A","B"]]}}]}""")]
    public void Boundary_definitions_are_accepted(string json) => Definition.Accepted(json);

    [Theory]
    // top level
    [InlineData("""{"language":"en_GB","category":"UTILITY","components":[{"type":"BODY","text":"x"}]}""", "$.name", "required")]
    [InlineData("""{"name":"Order_Update","language":"en_GB","category":"UTILITY","components":[{"type":"BODY","text":"x"}]}""", "$.name", "pattern")]
    [InlineData("""{"name":"order-update","language":"en_GB","category":"UTILITY","components":[{"type":"BODY","text":"x"}]}""", "$.name", "pattern")]
    [InlineData("""{"name":"order_update","category":"UTILITY","components":[{"type":"BODY","text":"x"}]}""", "$.language", "required")]
    [InlineData("""{"name":"order_update","language":"English","category":"UTILITY","components":[{"type":"BODY","text":"x"}]}""", "$.language", "maxLength")]
    [InlineData("""{"name":"order_update","language":"en-GB","category":"UTILITY","components":[{"type":"BODY","text":"x"}]}""", "$.language", "pattern")]
    [InlineData("""{"name":"order_update","language":"en_GB","components":[{"type":"BODY","text":"x"}]}""", "$.category", "required")]
    [InlineData("""{"name":"order_update","language":"en_GB","category":"TRANSACTIONAL","components":[{"type":"BODY","text":"x"}]}""", "$.category", "enum")]
    [InlineData("""{"name":"order_update","language":"en_GB","category":"utility","components":[{"type":"BODY","text":"x"}]}""", "$.category", "enum")]
    [InlineData("""{"name":"order_update","language":"en_GB","category":"UTILITY","parameter_format":"numbered","components":[{"type":"BODY","text":"x"}]}""", "$.parameter_format", "enum")]
    [InlineData("""{"name":"order_update","language":"en_GB","category":"UTILITY","allow_category_change":"yes","components":[{"type":"BODY","text":"x"}]}""", "$.allow_category_change", "type")]
    [InlineData("""{"name":"order_update","language":"en_GB","category":"UTILITY","namespace":"x","components":[{"type":"BODY","text":"x"}]}""", "$.namespace", "unknownMember")]
    [InlineData("""{"name":"order_update","language":"en_GB","category":"UTILITY"}""", "$.components", "required")]
    [InlineData("""{"name":"order_update","language":"en_GB","category":"UTILITY","components":[]}""", "$.components", "required")]
    [InlineData("""{"name":"order_update","language":"en_GB","category":"UTILITY","components":{}}""", "$.components", "type")]
    [InlineData("""{"name":"order_update","language":"en_GB","category":"UTILITY","library_template_button_inputs":[],"components":[{"type":"BODY","text":"x"}]}""", "$.library_template_name", "required")]
    public void Each_broken_top_level_rule_is_named_once(string json, string path, string rule) => Definition.RefusedOnce(json, path, rule);

    [Fact]
    public void A_name_over_512_characters_is_refused()
    {
        var json = Def(Body).Replace("order_update", new string('a', TemplateDefinitionRules.MaxNameLength + 1));
        Definition.RefusedOnce(json, "$.name", "maxLength");
        Definition.Accepted(Def(Body).Replace("order_update", new string('a', TemplateDefinitionRules.MaxNameLength)));
    }

    [Theory]
    [InlineData("AUTHENTICATION", 29)]
    [InlineData("AUTHENTICATION", 901)]
    [InlineData("UTILITY", 29)]
    [InlineData("UTILITY", 43_201)]
    [InlineData("MARKETING", 43_199)]
    [InlineData("MARKETING", 2_592_001)]
    [InlineData("MARKETING", -1)]
    [InlineData("UTILITY", -2)]
    public void A_ttl_outside_its_category_range_is_refused(string category, long ttl)
    {
        var components = category == "AUTHENTICATION" ? """{"type":"BODY"},""" + Otp : Body;
        Definition.RefusedOnce(Def(components, category, $"\"message_send_ttl_seconds\":{ttl},"), "$.message_send_ttl_seconds", "range");
    }

    [Theory]
    [InlineData("AUTHENTICATION", 30)]
    [InlineData("AUTHENTICATION", 900)]
    [InlineData("AUTHENTICATION", -1)]
    [InlineData("UTILITY", 43_200)]
    [InlineData("UTILITY", -1)]
    [InlineData("MARKETING", 43_200)]
    public void A_ttl_inside_its_category_range_is_accepted(string category, long ttl)
    {
        var components = category == "AUTHENTICATION" ? """{"type":"BODY"},""" + Otp : Body;
        Definition.Accepted(Def(components, category, $"\"message_send_ttl_seconds\":{ttl},"));
    }

    [Theory]
    // components: kinds, uniqueness, body required
    [InlineData("""{"type":"FOOTER","text":"Example Ltd"}""", "$.components", "required")]
    [InlineData($$$"""{{{Body}}},{"type":"STICKER"}""", "$.components[1].type", "enum")]
    [InlineData($$$"""{{{Body}}},{"text":"x"}""", "$.components[1].type", "required")]
    [InlineData($$$"""{{{Body}}},{{{Body}}}""", "$.components[1].type", "unique")]
    [InlineData($$$"""{{{Body}}},"footer" """, "$.components[1]", "type")]
    // header
    [InlineData($$$"""{"type":"HEADER","format":"AUDIO"},{{{Body}}}""", "$.components[0].format", "enum")]
    [InlineData($$$"""{"type":"HEADER"},{{{Body}}}""", "$.components[0].format", "required")]
    [InlineData($$$"""{"type":"HEADER","format":"TEXT"},{{{Body}}}""", "$.components[0].text", "required")]
    [InlineData($$$"""{"type":"HEADER","format":"TEXT","text":"1234567890123456789012345678901234567890123456789012345678901"},{{{Body}}}""", "$.components[0].text", "maxLength")]
    [InlineData($$$"""{"type":"HEADER","format":"TEXT","text":"Order {{1}} for {{2}}","example":{"header_text":["A","B"]}},{{{Body}}}""", "$.components[0].text", "maxVariables")]
    [InlineData($$$"""{"type":"HEADER","format":"TEXT","text":"Order {{1}}"},{{{Body}}}""", "$.components[0].example", "required")]
    [InlineData($$$"""{"type":"HEADER","format":"TEXT","text":"Order {{1}}","example":{"header_text":[]}},{{{Body}}}""", "$.components[0].example.header_text", "exampleCount")]
    [InlineData($$$"""{"type":"HEADER","format":"TEXT","text":"Order {{1}}","example":{"header_text":[7]}},{{{Body}}}""", "$.components[0].example.header_text[0]", "type")]
    [InlineData($$$"""{"type":"HEADER","format":"IMAGE"},{{{Body}}}""", "$.components[0].example", "required")]
    [InlineData($$$"""{"type":"HEADER","format":"VIDEO","example":{}},{{{Body}}}""", "$.components[0].example.header_handle", "required")]
    [InlineData($$$"""{"type":"HEADER","format":"DOCUMENT","example":{"header_handle":[]}},{{{Body}}}""", "$.components[0].example.header_handle", "minItems")]
    [InlineData($$$"""{"type":"HEADER","format":"IMAGE","example":{"header_handle":[""]}},{{{Body}}}""", "$.components[0].example.header_handle[0]", "required")]
    [InlineData($$$"""{"type":"HEADER","format":"IMAGE","text":"x","example":{"header_handle":["h"]}},{{{Body}}}""", "$.components[0].text", "unknownMember")]
    [InlineData($$$"""{"type":"HEADER","format":"GIF","example":{"header_handle":["h"]}},{{{Body}}}""", "$.components[0].format", "category")]
    [InlineData($$$"""{"type":"HEADER","format":"LOCATION","example":{"header_handle":["h"]}},{{{Body}}}""", "$.components[0].example", "unknownMember")]
    // body
    [InlineData("""{"type":"BODY"}""", "$.components[0].text", "required")]
    [InlineData("""{"type":"BODY","text":""}""", "$.components[0].text", "required")]
    [InlineData("""{"type":"BODY","text":"x","add_security_recommendation":true}""", "$.components[0].add_security_recommendation", "unknownMember")]
    [InlineData("""{"type":"BODY","text":"{{1}} is waiting for you.","example":{"body_text":[["A"]]}}""", "$.components[0].text", "edgeVariable")]
    [InlineData("""{"type":"BODY","text":"Your order is {{1}}","example":{"body_text":[["A"]]}}""", "$.components[0].text", "edgeVariable")]
    [InlineData("""{"type":"BODY","text":"Hi {{1}}{{2}}, hello.","example":{"body_text":[["A","B"]]}}""", "$.components[0].text", "adjacentVariables")]
    [InlineData("""{"type":"BODY","text":"Hi {{1}} {{2}}, hello.","example":{"body_text":[["A","B"]]}}""", "$.components[0].text", "adjacentVariables")]
    [InlineData("""{"type":"BODY","text":"Hi {{1}}, see {{3}}.","example":{"body_text":[["A","B"]]}}""", "$.components[0].text", "variableSequence")]
    [InlineData("""{"type":"BODY","text":"Hi {{name}}, welcome.","example":{"body_text":[["A"]]}}""", "$.components[0].text", "parameterFormat")]
    [InlineData("""{"type":"BODY","text":"Hi {{1}}, welcome."}""", "$.components[0].example", "required")]
    [InlineData("""{"type":"BODY","text":"Hi {{1}}, welcome.","example":{}}""", "$.components[0].example.body_text", "required")]
    [InlineData("""{"type":"BODY","text":"Hi {{1}}, welcome.","example":{"body_text":["A"]}}""", "$.components[0].example.body_text", "exampleShape")]
    [InlineData("""{"type":"BODY","text":"Hi {{1}}, {{2}}.","example":{"body_text":[["A"]]}}""", "$.components[0].example.body_text[0]", "exampleCount")]
    [InlineData("""{"type":"BODY","text":"Hi {{1}}, welcome.","example":{"body_text":[[""]]}}""", "$.components[0].example.body_text[0][0]", "required")]
    [InlineData("""{"type":"BODY","text":"Hi there, welcome.","example":{"body_text":[["A"]]}}""", "$.components[0].example.body_text", "exampleUnused")]
    [InlineData("""{"type":"BODY","text":"Hi {{1}}, welcome.","example":{"body_text":[["A"]],"body_text_named_params":[]}}""", "$.components[0].example.body_text_named_params", "parameterFormat")]
    // footer
    [InlineData($$$"""{{{Body}}},{"type":"FOOTER"}""", "$.components[1].text", "required")]
    [InlineData($$$"""{{{Body}}},{"type":"FOOTER","text":"1234567890123456789012345678901234567890123456789012345678901"}""", "$.components[1].text", "maxLength")]
    [InlineData($$$"""{{{Body}}},{"type":"FOOTER","text":"x","code_expiration_minutes":5}""", "$.components[1].code_expiration_minutes", "unknownMember")]
    public void Each_broken_component_rule_is_named_once(string components, string path, string rule) =>
        Definition.RefusedOnce(Def(components), path, rule);

    [Fact]
    public void A_body_over_1024_characters_is_refused()
    {
        var text = new string('a', TemplateBodyRules.MaxBodyLength);
        Definition.Accepted(Def($$"""{"type":"BODY","text":"{{text}}"}"""));
        Definition.RefusedOnce(Def($$"""{"type":"BODY","text":"{{text}}b"}"""), "$.components[0].text", "maxLength");
    }

    [Fact]
    public void Lengths_count_characters_as_people_see_them()
    {
        // 60 emoji are 120 UTF-16 code units but 60 characters.
        var header = string.Concat(Enumerable.Repeat("🎉", TemplateHeaderRules.MaxTextLength));
        Definition.Accepted(Def($$"""{"type":"HEADER","format":"TEXT","text":"{{header}}"},{{Body}}"""));
    }

    [Theory]
    // named parameters (§3.4)
    [InlineData("""{"type":"BODY","text":"Hi {{1}}, welcome.","example":{"body_text_named_params":[{"param_name":"a","example":"A"}]}}""", "$.components[0].text", "parameterFormat")]
    [InlineData("""{"type":"BODY","text":"Hi {{First}}, welcome.","example":{"body_text_named_params":[{"param_name":"First","example":"A"}]}}""", "$.components[0].text", "parameterFormat")]
    [InlineData("""{"type":"BODY","text":"Hi {{first}}, welcome."}""", "$.components[0].example", "required")]
    [InlineData("""{"type":"BODY","text":"Hi {{first}}, welcome.","example":{"body_text_named_params":[]}}""", "$.components[0].example.body_text_named_params", "exampleMissing")]
    [InlineData("""{"type":"BODY","text":"Hi {{first}}, welcome.","example":{"body_text_named_params":[{"param_name":"first","example":"A"},{"param_name":"last","example":"B"}]}}""", "$.components[0].example.body_text_named_params[1].param_name", "exampleUnused")]
    [InlineData("""{"type":"BODY","text":"Hi {{first}}, welcome.","example":{"body_text_named_params":[{"param_name":"first","example":"A"},{"param_name":"first","example":"B"}]}}""", "$.components[0].example.body_text_named_params[1].param_name", "unique")]
    [InlineData("""{"type":"BODY","text":"Hi {{first}}, welcome.","example":{"body_text_named_params":[{"param_name":"first"}]}}""", "$.components[0].example.body_text_named_params[0].example", "required")]
    [InlineData("""{"type":"BODY","text":"Hi {{first}}, welcome.","example":{"body_text_named_params":[{"param_name":"first","example":"A","x":1}]}}""", "$.components[0].example.body_text_named_params[0].x", "unknownMember")]
    [InlineData("""{"type":"BODY","text":"Hi {{first}}, welcome.","example":{"body_text_named_params":[{"param_name":"first","example":"A"}],"body_text":[["A"]]}}""", "$.components[0].example.body_text", "parameterFormat")]
    [InlineData("""{"type":"HEADER","format":"TEXT","text":"For {{who}}","example":{"header_text":["A"]}},{"type":"BODY","text":"x"}""", "$.components[0].example.header_text", "parameterFormat")]
    public void Each_broken_named_parameter_rule_is_named_once(string components, string path, string rule)
    {
        var errors = Definition.Errors(Def(components, extra: "\"parameter_format\":\"named\","));
        if (rule == "parameterFormat" && path.EndsWith("header_text", StringComparison.Ordinal))
        {
            // The wrong key is named, and the right one is then missing: two facts about one mistake.
            Assert.Contains(errors, e => e.Path == path && e.Rule == rule);
            return;
        }
        Assert.True(errors.Count == 1 && errors[0].Path == path && errors[0].Rule == rule, $"expected exactly {path} {rule}; got: " + Definition.Describe(errors));
    }

    [Fact]
    public void A_definition_that_is_not_an_object_is_refused_at_the_given_path()
    {
        using var document = JsonDocument.Parse("[1,2]");
        var errors = new ValidationErrors();
        TemplateDefinitionRules.Validate(document.RootElement, "$.definition", errors);
        var error = Assert.Single(errors.All);
        Assert.Equal(("$.definition", "type"), (error.Path, error.Rule));
    }

    [Fact]
    public void Errors_are_named_under_the_given_path()
    {
        using var document = JsonDocument.Parse(Def("""{"type":"BODY","text":""}"""));
        var errors = new ValidationErrors();
        TemplateDefinitionRules.Validate(document.RootElement, "$.definition", errors);
        var error = Assert.Single(errors.All);
        Assert.Equal(("$.definition.components[0].text", "required"), (error.Path, error.Rule));
    }

    [Fact]
    public void Duplicate_members_are_refused_without_throwing()
    {
        using var document = JsonDocument.Parse("""{"name":"a","name":"b","language":"en","category":"UTILITY","components":[{"type":"BODY","text":"x"}]}""");
        var errors = new ValidationErrors();
        TemplateDefinitionRules.Validate(document.RootElement, "$.definition", errors);
        var error = Assert.Single(errors.All);
        Assert.Equal(("$.definition", "json"), (error.Path, error.Rule));
    }

    [Fact]
    public void A_lone_surrogate_is_refused_without_throwing()
    {
        using var document = JsonDocument.Parse("""{"name":"a","language":"en","category":"UTILITY","components":[{"type":"BODY","text":"x\ud800"}]}""");
        var errors = new ValidationErrors();
        TemplateDefinitionRules.Validate(document.RootElement, "$.definition", errors);
        var error = Assert.Single(errors.All);
        Assert.Equal(("$.definition", "json"), (error.Path, error.Rule));
    }
}
