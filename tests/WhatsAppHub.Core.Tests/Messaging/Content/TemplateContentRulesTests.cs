using WhatsAppHub.Core.Messaging;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Messaging.Content;

namespace WhatsAppHub.Core.Tests.Messaging.Content;

/// <summary>§1.8 template send object: name, language, components and every parameter kind. One rule per row.</summary>
public class TemplateContentRulesTests
{
    private const string Body = """{"type":"body","parameters":[{"type":"text","text":"Priya"}]}""";
    private const string Card0 = """{"card_index":0,"components":[{"type":"header","parameters":[{"type":"image","image":{"id":"1111"}}]}]}""";
    private const string Card1 = """{"card_index":1,"components":[{"type":"header","parameters":[{"type":"video","video":{"link":"https://cdn.example.com/v.mp4"}}]}]}""";

    [Theory]
    [InlineData("""[]""")]
    [InlineData("""[{"type":"header","parameters":[{"type":"text","text":"AB123"}]}]""")]
    [InlineData("""[{"type":"header","parameters":[{"type":"video","video":{"link":"https://cdn.example.com/v.mp4"}}]}]""")]
    [InlineData("""[{"type":"header","parameters":[{"type":"location","location":{"latitude":51.5,"longitude":-0.12,"name":"Store","address":"1 Walk"}}]}]""")]
    [InlineData("""[{"type":"body","parameters":[{"type":"text","text":"Priya","parameter_name":"first_name"},{"type":"text","text":"AB1","parameter_name":"order_id"}]}]""")]
    [InlineData("""[{"type":"body","parameters":[{"type":"currency","currency":{"fallback_value":"£12.50","code":"GBP","amount_1000":12500}},{"type":"date_time","date_time":{"fallback_value":"3 March 2026"}}]}]""")]
    [InlineData("""[{"type":"button","sub_type":"catalog","index":0,"parameters":[{"type":"action","action":{"thumbnail_product_retailer_id":"SKU-88"}}]}]""")]
    [InlineData("""[{"type":"button","sub_type":"flow","index":"0","parameters":[{"type":"action","action":{"flow_token":"case-1","flow_action_data":{"a":1}}}]}]""")]
    [InlineData("""[{"type":"button","sub_type":"order_details","index":0,"parameters":[{"type":"action","action":{"order_details":{"reference_id":"r1"}}}]}]""")]
    [InlineData("""[{"type":"tap_target_configuration","parameters":[{"type":"tap_target_configuration","tap_target_configuration":[{"url":"https://example.com/p","title":"Open offer"}]}]}]""")]
    [InlineData($$$"""[{"type":"carousel","cards":[{"card_index":0,"components":[{"type":"header","parameters":[{"type":"product","product":{"product_retailer_id":"SKU-1","catalog_id":"1942"}}]},{"type":"button","sub_type":"spm","index":0,"parameters":[{"type":"action","action":{}}]}]},{{{Card1}}}]}]""")]
    [InlineData("""[{"type":"button","sub_type":"quick_reply","index":0,"parameters":[{"type":"payload","payload":"a"}]},{"type":"button","sub_type":"quick_reply","index":1,"parameters":[{"type":"payload","payload":"b"}]}]""")]
    public void Valid_template_sends_are_accepted(string components) => Send.Accepted(Send.Template(components));

    [Theory]
    // template object
    [InlineData("""{"language":{"code":"en_GB"}}""", "$.template.name", "required")]
    [InlineData("""{"name":"Spring Offer","language":{"code":"en_GB"}}""", "$.template.name", "pattern")]
    [InlineData("""{"name":"spring_offer"}""", "$.template.language", "required")]
    [InlineData("""{"name":"spring_offer","language":"en_GB"}""", "$.template.language", "type")]
    [InlineData("""{"name":"spring_offer","language":{}}""", "$.template.language.code", "required")]
    [InlineData("""{"name":"spring_offer","language":{"code":"English"}}""", "$.template.language.code", "pattern")]
    [InlineData("""{"name":"spring_offer","language":{"code":"en_GB","policy":"fallback"}}""", "$.template.language.policy", "enum")]
    [InlineData("""{"name":"spring_offer","language":{"code":"en_GB"},"namespace":"x"}""", "$.template.namespace", "unknownMember")]
    [InlineData("""{"name":"spring_offer","language":{"code":"en_GB"},"components":{}}""", "$.template.components", "type")]
    public void Each_broken_template_object_rule_is_named(string content, string path, string rule) =>
        Send.Refused(Send.Content("template", content), path, rule);

    [Theory]
    // components
    [InlineData("""[{"type":"footer","parameters":[]}]""", "$.template.components[0].type", "enum")]
    [InlineData("""[{"parameters":[]}]""", "$.template.components[0].type", "required")]
    [InlineData($$"""[{{Body}},{{Body}}]""", "$.template.components[1].type", "unique")]
    [InlineData("""[{"type":"body"}]""", "$.template.components[0].parameters", "required")]
    [InlineData("""[{"type":"body","parameters":[]}]""", "$.template.components[0].parameters", "minItems")]
    // header: one parameter of text / image / video / document / location
    [InlineData("""[{"type":"header","parameters":[{"type":"text","text":"a"},{"type":"text","text":"b"}]}]""", "$.template.components[0].parameters", "maxItems")]
    [InlineData("""[{"type":"header","parameters":[{"type":"currency","currency":{"fallback_value":"£1","code":"GBP","amount_1000":1000}}]}]""", "$.template.components[0].parameters[0].type", "enum")]
    [InlineData("""[{"type":"header","parameters":[{"type":"image","image":{}}]}]""", "$.template.components[0].parameters[0].image", "oneOf")]
    [InlineData("""[{"type":"header","parameters":[{"type":"image","image":{"id":"1","caption":"no"}}]}]""", "$.template.components[0].parameters[0].image.caption", "unknownMember")]
    [InlineData("""[{"type":"header","parameters":[{"type":"document","document":{"link":"ftp://a.example/r.pdf","filename":"r.pdf"}}]}]""", "$.template.components[0].parameters[0].document.link", "httpsUrl")]
    [InlineData("""[{"type":"header","parameters":[{"type":"location","location":{"latitude":91,"longitude":0}}]}]""", "$.template.components[0].parameters[0].location.latitude", "range")]
    // body: text / currency / date_time
    [InlineData("""[{"type":"body","parameters":[{"type":"image","image":{"id":"1"}}]}]""", "$.template.components[0].parameters[0].type", "enum")]
    [InlineData("""[{"type":"body","parameters":[{"type":"text"}]}]""", "$.template.components[0].parameters[0].text", "required")]
    [InlineData("""[{"type":"body","parameters":[{"type":"text","text":"a","parameter_name":"First Name"}]}]""", "$.template.components[0].parameters[0].parameter_name", "pattern")]
    [InlineData("""[{"type":"body","parameters":[{"type":"text","text":"a","parameter_name":"n"},{"type":"text","text":"b"}]}]""", "$.template.components[0].parameters", "parameterFormat")]
    [InlineData("""[{"type":"body","parameters":[{"type":"text","text":"a","parameter_name":"n"},{"type":"text","text":"b","parameter_name":"n"}]}]""", "$.template.components[0].parameters[1].parameter_name", "unique")]
    [InlineData("""[{"type":"body","parameters":[{"type":"currency","currency":{"fallback_value":"£1","code":"gbp","amount_1000":1000}}]}]""", "$.template.components[0].parameters[0].currency.code", "pattern")]
    [InlineData("""[{"type":"body","parameters":[{"type":"currency","currency":{"fallback_value":"£1","code":"GBP","amount_1000":1.5}}]}]""", "$.template.components[0].parameters[0].currency.amount_1000", "type")]
    [InlineData("""[{"type":"body","parameters":[{"type":"currency","currency":{"code":"GBP","amount_1000":1000}}]}]""", "$.template.components[0].parameters[0].currency.fallback_value", "required")]
    [InlineData("""[{"type":"body","parameters":[{"type":"date_time","date_time":{}}]}]""", "$.template.components[0].parameters[0].date_time.fallback_value", "required")]
    [InlineData("""[{"type":"body","parameters":[{"type":"date_time","date_time":{"fallback_value":"x","day_of_week":2}}]}]""", "$.template.components[0].parameters[0].date_time.day_of_week", "unknownMember")]
    [InlineData("""[{"type":"body","parameters":[{"type":"text","text":"a","currency":{}}]}]""", "$.template.components[0].parameters[0].currency", "unknownMember")]
    // buttons
    [InlineData("""[{"type":"button","index":0,"parameters":[{"type":"payload","payload":"a"}]}]""", "$.template.components[0].sub_type", "required")]
    [InlineData("""[{"type":"button","sub_type":"phone_number","index":0,"parameters":[]}]""", "$.template.components[0].sub_type", "enum")]
    [InlineData("""[{"type":"button","sub_type":"quick_reply","parameters":[{"type":"payload","payload":"a"}]}]""", "$.template.components[0].index", "required")]
    [InlineData("""[{"type":"button","sub_type":"quick_reply","index":10,"parameters":[{"type":"payload","payload":"a"}]}]""", "$.template.components[0].index", "range")]
    [InlineData("""[{"type":"button","sub_type":"quick_reply","index":"first","parameters":[{"type":"payload","payload":"a"}]}]""", "$.template.components[0].index", "range")]
    [InlineData("""[{"type":"button","sub_type":"quick_reply","index":0,"parameters":[{"type":"payload","payload":"a"}]},{"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"b"}]}]""", "$.template.components[1].index", "unique")]
    [InlineData("""[{"type":"button","sub_type":"quick_reply","index":0}]""", "$.template.components[0].parameters", "required")]
    [InlineData("""[{"type":"button","sub_type":"quick_reply","index":0,"parameters":[{"type":"text","text":"a"}]}]""", "$.template.components[0].parameters[0].type", "enum")]
    [InlineData("""[{"type":"button","sub_type":"quick_reply","index":0,"parameters":[{"type":"payload","payload":"a"},{"type":"payload","payload":"b"}]}]""", "$.template.components[0].parameters", "maxItems")]
    [InlineData("""[{"type":"button","sub_type":"url","index":0,"parameters":[{"type":"payload","payload":"a"}]}]""", "$.template.components[0].parameters[0].type", "enum")]
    [InlineData("""[{"type":"button","sub_type":"copy_code","index":0,"parameters":[{"type":"coupon_code","coupon_code":"SIXTEEN_CHARS_XX"}]}]""", "$.template.components[0].parameters[0].coupon_code", "maxLength")]
    [InlineData("""[{"type":"button","sub_type":"copy_code","index":0,"parameters":[{"type":"coupon_code","coupon_code":"A"}]},{"type":"button","sub_type":"copy_code","index":1,"parameters":[{"type":"coupon_code","coupon_code":"B"}]}]""", "$.template.components[1]", "maxItems")]
    [InlineData("""[{"type":"button","sub_type":"url","index":0,"parameters":[{"type":"text","text":"a"}]},{"type":"button","sub_type":"url","index":1,"parameters":[{"type":"text","text":"b"}]},{"type":"button","sub_type":"url","index":2,"parameters":[{"type":"text","text":"c"}]}]""", "$.template.components[2]", "maxItems")]
    [InlineData("""[{"type":"button","sub_type":"flow","index":0,"parameters":[{"type":"action","action":{"flow_token":"t","flow_action_data":"x"}}]}]""", "$.template.components[0].parameters[0].action.flow_action_data", "type")]
    [InlineData("""[{"type":"button","sub_type":"flow","index":0,"parameters":[{"type":"action","action":{"flow_id":"1"}}]}]""", "$.template.components[0].parameters[0].action.flow_id", "unknownMember")]
    [InlineData("""[{"type":"button","sub_type":"catalog","index":0,"parameters":[{"type":"action","action":{"thumbnail_product_retailer_id":"SKU 88"}}]}]""", "$.template.components[0].parameters[0].action.thumbnail_product_retailer_id", "pattern")]
    [InlineData("""[{"type":"button","sub_type":"order_details","index":0,"parameters":[{"type":"action","action":{}}]}]""", "$.template.components[0].parameters[0].action.order_details", "required")]
    // multi-product button
    [InlineData("""[{"type":"button","sub_type":"mpm","index":0,"parameters":[{"type":"action","action":{"sections":[{"title":"A","product_items":[{"product_retailer_id":"1"}]}]}}]}]""", "$.template.components[0].parameters[0].action.thumbnail_product_retailer_id", "required")]
    [InlineData("""[{"type":"button","sub_type":"mpm","index":0,"parameters":[{"type":"action","action":{"thumbnail_product_retailer_id":"1","sections":[]}}]}]""", "$.template.components[0].parameters[0].action.sections", "minItems")]
    [InlineData("""[{"type":"button","sub_type":"mpm","index":0,"parameters":[{"type":"action","action":{"thumbnail_product_retailer_id":"1","sections":[{"title":"Twenty-five characters xx","product_items":[{"product_retailer_id":"1"}]}]}}]}]""", "$.template.components[0].parameters[0].action.sections[0].title", "maxLength")]
    [InlineData("""[{"type":"button","sub_type":"mpm","index":0,"parameters":[{"type":"action","action":{"thumbnail_product_retailer_id":"1","sections":[{"title":"A","product_items":[]}]}}]}]""", "$.template.components[0].parameters[0].action.sections[0].product_items", "minItems")]
    [InlineData("""[{"type":"button","sub_type":"mpm","index":0,"parameters":[{"type":"action","action":{"thumbnail_product_retailer_id":"1","sections":[{"title":"A","product_items":[{"retailer_id":"1"}]}]}}]}]""", "$.template.components[0].parameters[0].action.sections[0].product_items[0].product_retailer_id", "required")]
    // limited-time offer
    [InlineData("""[{"type":"limited_time_offer","parameters":[{"type":"limited_time_offer","limited_time_offer":{}}]}]""", "$.template.components[0].parameters[0].limited_time_offer.expiration_time_ms", "required")]
    [InlineData("""[{"type":"limited_time_offer","parameters":[{"type":"limited_time_offer","limited_time_offer":{"expiration_time_ms":"1772582400000"}}]}]""", "$.template.components[0].parameters[0].limited_time_offer.expiration_time_ms", "type")]
    [InlineData("""[{"type":"limited_time_offer","parameters":[{"type":"limited_time_offer","limited_time_offer":{"expiration_time_ms":0}}]}]""", "$.template.components[0].parameters[0].limited_time_offer.expiration_time_ms", "range")]
    [InlineData("""[{"type":"limited_time_offer","parameters":[{"type":"text","text":"a"}]}]""", "$.template.components[0].parameters[0].type", "enum")]
    // tap target
    [InlineData("""[{"type":"tap_target_configuration","parameters":[{"type":"tap_target_configuration","tap_target_configuration":[{"url":"http://example.com","title":"Open"}]}]}]""", "$.template.components[0].parameters[0].tap_target_configuration[0].url", "httpsUrl")]
    [InlineData("""[{"type":"tap_target_configuration","parameters":[{"type":"tap_target_configuration","tap_target_configuration":[]}]}]""", "$.template.components[0].parameters[0].tap_target_configuration", "minItems")]
    // carousel
    [InlineData($$"""[{"type":"carousel","cards":[{{Card0}}]}]""", "$.template.components[0].cards", "minItems")]
    [InlineData("""[{"type":"carousel"}]""", "$.template.components[0].cards", "required")]
    [InlineData($$"""[{"type":"carousel","cards":[{{Card0}},{{Card0}}]}]""", "$.template.components[0].cards[1].card_index", "unique")]
    [InlineData($$"""[{"type":"carousel","cards":[{{Card0}},{"card_index":10,"components":[]}]}]""", "$.template.components[0].cards[1].card_index", "range")]
    [InlineData($$"""[{"type":"carousel","cards":[{{Card0}},{"card_index":1}]}]""", "$.template.components[0].cards[1].components", "required")]
    [InlineData($$"""[{"type":"carousel","cards":[{{Card0}},{"card_index":1,"components":[{"type":"header","parameters":[{"type":"text","text":"a"}]}]}]}]""", "$.template.components[0].cards[1].components[0].parameters[0].type", "enum")]
    [InlineData($$"""[{"type":"carousel","cards":[{{Card0}},{"card_index":1,"components":[{"type":"carousel","cards":[]}]}]}]""", "$.template.components[0].cards[1].components[0].type", "enum")]
    [InlineData($$"""[{"type":"carousel","cards":[{{Card0}},{"card_index":1,"components":[{"type":"button","sub_type":"quick_reply","index":2,"parameters":[{"type":"payload","payload":"a"}]}]}]}]""", "$.template.components[0].cards[1].components[0].index", "range")]
    [InlineData($$$"""[{"type":"carousel","cards":[{{{Card0}}},{"card_index":1,"components":[{"type":"header","parameters":[{"type":"product","product":{"product_retailer_id":"SKU-1"}}]}]}]}]""", "$.template.components[0].cards[1].components[0].parameters[0].product.catalog_id", "required")]
    public void Each_broken_component_rule_is_named(string components, string path, string rule) =>
        Send.Refused(Send.Template(components), path, rule);

    [Fact]
    public void A_template_name_of_512_characters_is_accepted_and_513_refused()
    {
        var name = new string('a', TemplateContentRules.MaxNameLength);
        Send.Accepted(Send.Content("template", $$$"""{"name":"{{{name}}}","language":{"code":"en_US"}}"""));
        Send.Refused(Send.Content("template", $$$"""{"name":"{{{name}}}a","language":{"code":"en_US"}}"""), "$.template.name", "maxLength");
    }

    [Theory]
    [InlineData("header", TemplateComponentRules.MaxHeaderTextLength)]
    [InlineData("body", TemplateComponentRules.MaxBodyTextLength)]
    public void A_text_parameter_takes_the_components_limit(string component, int limit)
    {
        string Components(int length) => $$"""[{"type":"{{component}}","parameters":[{"type":"text","text":"{{new string('t', length)}}"}]}]""";
        Send.Accepted(Send.Template(Components(limit)));
        Send.Refused(Send.Template(Components(limit + 1)), "$.template.components[0].parameters[0].text", "maxLength");
    }

    [Fact]
    public void A_carousel_card_body_parameter_takes_160_characters()
    {
        string Components(int length) => $$"""[{"type":"carousel","cards":[{{Card0}},{"card_index":1,"components":[{"type":"body","parameters":[{"type":"text","text":"{{new string('t', length)}}"}]}]}]}]""";
        Send.Accepted(Send.Template(Components(TemplateComponentRules.MaxCardBodyTextLength)));
        Send.Refused(Send.Template(Components(TemplateComponentRules.MaxCardBodyTextLength + 1)), "$.template.components[0].cards[1].components[0].parameters[0].text", "maxLength");
    }

    [Fact]
    public void A_url_button_suffix_takes_2000_characters()
    {
        string Components(int length) => $$"""[{"type":"button","sub_type":"url","index":0,"parameters":[{"type":"text","text":"{{new string('u', length)}}"}]}]""";
        Send.Accepted(Send.Template(Components(TemplateButtonRules.MaxUrlLength)));
        Send.Refused(Send.Template(Components(TemplateButtonRules.MaxUrlLength + 1)), "$.template.components[0].parameters[0].text", "maxLength");
    }

    [Fact]
    public void A_carousel_takes_10_cards_and_not_11()
    {
        string Cards(int n) => $$"""[{"type":"carousel","cards":[{{string.Join(",", Enumerable.Range(0, n).Select(i => Card0.Replace("\"card_index\":0", $"\"card_index\":{i % 10}")))}}]}]""";
        Send.Accepted(Send.Template(Cards(TemplateComponentRules.MaxCards)));
        Send.Refused(Send.Template(Cards(TemplateComponentRules.MaxCards + 1)), "$.template.components[0].cards", "maxItems");
    }

    [Fact]
    public void A_card_takes_2_buttons_and_not_3()
    {
        string Button(int i) => $$"""{"type":"button","sub_type":"quick_reply","index":{{i}},"parameters":[{"type":"payload","payload":"p"}]}""";
        var card = $$"""{"card_index":1,"components":[{{Button(0)}},{{Button(1)}},{{Button(1)}}]}""";
        Send.Refused(Send.Template($$"""[{"type":"carousel","cards":[{{Card0}},{{card}}]}]"""), "$.template.components[0].cards[1].components[2]", "maxItems");
    }

    [Fact]
    public void A_template_takes_10_buttons_and_not_11()
    {
        string Buttons(int n) => "[" + string.Join(",", Enumerable.Range(0, n).Select(i =>
            $$"""{"type":"button","sub_type":"quick_reply","index":{{Math.Min(i, 9)}},"parameters":[{"type":"payload","payload":"p{{i}}"}]}""")) + "]";
        Send.Accepted(Send.Template(Buttons(TemplateButtonRules.MaxButtons)));
        Send.Refused(Send.Template(Buttons(TemplateButtonRules.MaxButtons + 1)), "$.template.components[10]", "maxItems");
    }

    [Fact]
    public void A_multi_product_button_takes_30_products_and_not_31()
    {
        Send.Accepted(Send.Template(Mpm(3, ProductSections.MaxProducts)));
        Send.Refused(Send.Template(Mpm(3, ProductSections.MaxProducts + 1)), "$.template.components[0].parameters[0].action.sections", "maxTotalItems");
    }

    [Fact]
    public void A_multi_product_button_takes_10_sections_and_not_11()
    {
        Send.Accepted(Send.Template(Mpm(ProductSections.MaxSections, ProductSections.MaxSections)));
        Send.Refused(Send.Template(Mpm(ProductSections.MaxSections + 1, ProductSections.MaxSections + 1)),
            "$.template.components[0].parameters[0].action.sections", "maxItems");
    }

    /// <summary>An mpm button component with <paramref name="products"/> products spread over <paramref name="sections"/> sections.</summary>
    private static string Mpm(int sections, int products)
    {
        var list = new JsonArray();
        for (var s = 0; s < sections; s++)
        {
            var items = new JsonArray();
            for (var p = s; p < products; p += sections) items.Add(new JsonObject { ["product_retailer_id"] = $"SKU-{p}" });
            list.Add(new JsonObject { ["title"] = $"Section {s}", ["product_items"] = items });
        }
        var action = new JsonObject { ["thumbnail_product_retailer_id"] = "SKU-0", ["sections"] = list };
        var button = new JsonObject
        {
            ["type"] = "button", ["sub_type"] = "mpm", ["index"] = 0,
            ["parameters"] = new JsonArray(new JsonObject { ["type"] = "action", ["action"] = action }),
        };
        return new JsonArray(button).ToJsonString();
    }
}
