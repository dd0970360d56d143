using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Tests.Validation;

/// <summary>Whole numbers read alike whether parsed from a request or built in memory (as the template binder builds them).</summary>
public class JsonRulesIntegerTests
{
    [Theory]
    [InlineData("""{"n": 5}""")]
    [InlineData(null)]
    public void A_whole_number_is_read_parsed_or_built_in_memory(string? json)
    {
        var obj = json is null ? new JsonObject { ["n"] = 5 } : JsonNode.Parse(json)!.AsObject();
        var errors = new ValidationErrors();
        Assert.Equal(5, JsonRules.Integer(obj, "n", "$", errors, required: true));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("""{"n": 5.5}""")]
    [InlineData("""{"n": "5"}""")]
    public void Anything_else_is_a_type_error(string json)
    {
        var errors = new ValidationErrors();
        Assert.Null(JsonRules.Integer(JsonNode.Parse(json)!.AsObject(), "n", "$", errors, required: true));
        Assert.Equal("type", Assert.Single(errors.All).Rule);
    }
}
