using WhatsAppHub.Functions.Tests.Support;

namespace WhatsAppHub.Functions.Tests.Templates;

/// <summary>
/// Mutated bodies over real HTTP for every typed template send route (seeded, so a failure reproduces), each against a
/// stored template of its kind: whatever arrives, the hub answers with a 2xx or a 4xx problem document, never a 5xx.
/// </summary>
[Collection("Templates")]
public class TemplateKindFuzzTests(TemplatesFixture fixture)
{
    private const int CasesPerKind = 450;

    /// <summary>The valid sends of <see cref="TemplateKindSendTests.Sends"/> as seeds: route kind, template example, members.</summary>
    public static TheoryData<string, string, string> Seeds()
    {
        var seeds = new TheoryData<string, string, string>();
        foreach (var row in TemplateKindSendTests.Sends) seeds.Add((string)row[0], (string)row[1], (string)row[2]);
        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Mutated_bodies_get_no_server_error(string kind, string example, string members)
    {
        var (name, language) = await fixture.CreateApprovedExampleAsync(example);
        var seed = await TemplateKindSendTests.Body("+447700900123", language, members).ReadAsStringAsync();
        var mutator = new JsonMutator(new Random(kind.Length * 7919 + kind[0]));
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < CasesPerKind; i++)
        {
            var body = mutator.Mutate(seed);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            using var response = await fixture.Hub.Http.PostAsync($"/api/templates/{name}/send/{kind}", content);
            await ProblemAssert.NoServerError(response, $"case {i} for body {Convert.ToBase64String(body)}", statuses);
        }
        Assert.True(statuses.GetValueOrDefault(202) > 0 && statuses.GetValueOrDefault(400) > 0,
            "the mutations should produce both valid and invalid bodies: " + string.Join(", ", statuses));
    }
}
