namespace WhatsAppHub.Core.Tests.Templates;

/// <summary>§3 template definitions: every valid example accepted; each rule broken alone gives exactly its one error.</summary>
public class TemplateDefinitionRulesTests
{
    public static TheoryData<string> ValidExamples => new(TemplateExamples.All.Keys);

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void Valid_definitions_are_accepted(string example) => Definition.Accepted(TemplateExamples.All[example]);
}
