using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Core.Templates;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Templates;

/// <summary>
/// <c>POST /api/templates</c>: a template definition in Meta's format is checked rule by rule, handed to EUM
/// (CreateWhatsAppMessageTemplate) as given, and kept as a TEMPLATE_DEFINITION row with the id and status EUM answers.
/// </summary>
public sealed class CreateTemplateHandler(ISocialMessaging eum, WabaResolver wabas, TemplateStore store, TimeProvider clock,
    ILogger<CreateTemplateHandler> logger)
{
    /// <summary>EUM takes a definition of at most 6,000 bytes (MetaTemplateDefinition).</summary>
    public const int MaxBodyBytes = 6000;

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var given = WabaResolver.Read(request.Query, errors);
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null) return body.Problem;
        var definition = TemplateDefinitionInput.Read(body.Bytes.Span, errors);
        if (!errors.IsEmpty || definition is null) return HubProblems.Validation(TemplateDefinitionInput.Distinct(errors.All));

        var (wabaId, wabaProblem) = await wabas.ResolveAsync(given, cancellationToken);
        if (wabaProblem is not null) return wabaProblem;
        var (created, problem) = await EumCall.RunAsync(() => eum.CreateWhatsAppMessageTemplateAsync(new CreateWhatsAppMessageTemplateRequest
        {
            Id = wabaId!,
            TemplateDefinition = body.Bytes.ToArray(),
        }, cancellationToken), logger, "CreateWhatsAppMessageTemplate", cancellationToken);
        if (problem is not null) return problem;

        // A row left from a template of the same name deleted outside the hub is replaced: EUM just said the name is free.
        var row = await store.ChangeAsync(TemplateKeys.Partition(wabaId!), TemplateKeys.Row(definition.Name, definition.Language), _ =>
        {
            var now = clock.GetUtcNow();
            var row = TemplateRows.New(wabaId!, definition.Name, definition.Language, now).Set("source", "api");
            row.Set("metaTemplateId", created!.MetaTemplateId);
            TemplateRows.SetCategory(row, (created.Category ?? definition.Category).ToUpperInvariant(), now, "api");
            TemplateRows.SetStatus(row, (created.TemplateStatus ?? TemplateStatus.Pending).ToUpperInvariant(), null, now, "api");
            TemplateRows.SetDefinition(row, definition.Json);
            return row;
        }, cancellationToken);
        logger.LogInformation("Created template {Name} ({Language}) in {WabaId} as {MetaTemplateId}: {Status}",
            definition.Name, definition.Language, wabaId, created!.MetaTemplateId, created.TemplateStatus);
        return Results.Created(TemplateEndpoints.Location(definition.Name, definition.Language), TemplateView.From(row!, full: true));
    }
}

/// <summary>The facts of a definition the hub keys its row by, after every rule of <see cref="TemplateDefinitionRules"/>.</summary>
public sealed record TemplateDefinitionInput(string Name, string Language, string Category, string Json)
{
    public static TemplateDefinitionInput? Read(ReadOnlySpan<byte> utf8Json, ValidationErrors errors)
    {
        var json = JsonBody.ParseObject(utf8Json, errors);
        if (json is null) return null;
        using (var document = JsonDocument.Parse(utf8Json.ToArray()))
            TemplateDefinitionRules.Validate(document.RootElement, JsonPath.Root, errors);
        // The rules named any fault of these; here they are only read.
        return Text(json, "name") is { } name && Text(json, "language") is { } language && Text(json, "category") is { } category
            ? new TemplateDefinitionInput(name, language, category, json.ToJsonString())
            : null;
    }

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>One entry per path and rule: the key checks above and the definition rules may name the same fault.</summary>
    public static List<ValidationError> Distinct(IReadOnlyList<ValidationError> errors) =>
        errors.GroupBy(e => (e.Path, e.Rule)).Select(g => g.First()).ToList();
}
