using System.Text.Json;
using WhatsAppHub.Core.Templates;
using WhatsAppHub.Core.Tests.Messaging.Content;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Tests.Templates;

/// <summary>
/// Mutates the valid send values of every template kind (and now and then the stored definition), seeded so a failure
/// reproduces, and checks the binder never throws, names every error under the given path, and only ever returns a
/// send object the outbound template rules accept.
/// </summary>
public class TemplateBinderFuzzTests
{
    private const int Cases = 4_000;

    [Fact]
    public void Four_thousand_mutated_values_never_throw()
    {
        var random = new Random(20261125);
        var seeds = TemplateBinderTests.Kinds.Select(row => ((string)row[0], (string)row[1])).ToArray();
        var (accepted, refused) = (0, 0);
        for (var i = 0; i < Cases; i++)
        {
            var (definition, values) = seeds[i % seeds.Length];
            values = TemplateDefinitionRulesFuzzTests.Mutate(values, random);
            // A stored definition is normally sound; damaging one case in eight shows a broken row cannot throw either.
            var sound = random.Next(8) != 0;
            if (!sound) definition = TemplateDefinitionRulesFuzzTests.Mutate(definition, random);
            JsonDocument definitionDocument, valuesDocument;
            try
            {
                definitionDocument = JsonDocument.Parse(definition);
                valuesDocument = JsonDocument.Parse(values);
            }
            catch (JsonException) { continue; } // callers hand over parsed JSON; text the parser refuses is not this unit's input
            using (definitionDocument)
            using (valuesDocument)
            {
                var errors = new ValidationErrors();
                var template = TemplateBinder.Bind(definitionDocument.RootElement, valuesDocument.RootElement, "$.values", errors);
                Assert.All(errors.All, e => Assert.StartsWith("$.values", e.Path, StringComparison.Ordinal));
                Assert.All(errors.All, e => Assert.False(string.IsNullOrWhiteSpace(e.Rule) || string.IsNullOrWhiteSpace(e.Message)));
                Assert.Equal(errors.IsEmpty, template is not null);
                // With a sound definition every refusal names a value: the send rules' last check never has to catch the binder.
                if (sound) Assert.DoesNotContain(errors.All, e => e.Rule == "definition");
                if (template is null) { refused++; continue; }
                accepted++;
                Send.Accepted(Send.Content("template", template.ToJsonString()));
            }
        }
        // Some mutations keep the values valid and most break them; otherwise the mutator tests nothing.
        Assert.InRange(accepted, 1, Cases);
        Assert.InRange(refused, Cases / 2, Cases);
    }
}
