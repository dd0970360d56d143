using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Templates;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Templates;

/// <summary>
/// <c>PUT /api/templates/{name}?language=</c>: edits a template through UpdateWhatsAppMessageTemplate. What Meta would
/// refuse is refused here first (whatsapp-cloud-api.md §3.2): a template in review or removed cannot be edited, only a
/// rejected or paused one may change category, and an approved one takes one edit per 24 hours and ten per 30 days.
/// The edited definition is checked like a new one. Afterwards the row is refreshed from EUM (an edit sends the
/// template back to review).
/// </summary>
public sealed class UpdateTemplateHandler(ISocialMessaging eum, WabaResolver wabas, TemplateStore store, TemplateSync sync, TimeProvider clock,
    ILogger<UpdateTemplateHandler> logger)
{
    public const int MaxBodyBytes = 6000;

    /// <summary>EUM takes components of at most 3,000 bytes (MetaTemplateComponents).</summary>
    public const int MaxComponentBytes = 3000;

    public const int EditsPer30Days = 10;

    private static readonly HashSet<string> Known = ["category", "components", "parameter_format", "cta_url_link_tracking_opted_out", "name", "language"];

    public async Task<IResult> HandleAsync(string name, HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        TemplateNames.CheckRouteName(name, errors);
        var language = TemplateNames.Language(request.Query, errors, required: true);
        var given = WabaResolver.Read(request.Query, errors);
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null) return body.Problem;
        var edit = ReadEdit(body.Bytes.Span, name, language, errors);
        if (!errors.IsEmpty || edit is null) return HubProblems.Validation(TemplateDefinitionInput.Distinct(errors.All));

        var (wabaId, wabaProblem) = await wabas.ResolveAsync(given, cancellationToken);
        if (wabaProblem is not null) return wabaProblem;
        if (await store.GetAsync(wabaId!, name, language!, cancellationToken) is not { } row) return TemplateEndpoints.NotFound(name, language);
        var template = TemplateRecord.From(row);
        if (Refusal(template, row, edit, clock.GetUtcNow()) is { } refusal) return refusal;

        // The edited template must pass the same rules as a new one (the stored definition with the edit applied).
        var merged = Merge(template, edit);
        var definitionErrors = new ValidationErrors();
        TemplateDefinitionRules.Validate(JsonSerializer.SerializeToElement(merged), JsonPath.Root, definitionErrors);
        if (!definitionErrors.IsEmpty) return HubProblems.Validation(definitionErrors.All);

        var (_, problem) = await EumCall.RunAsync(() => eum.UpdateWhatsAppMessageTemplateAsync(new UpdateWhatsAppMessageTemplateRequest
        {
            Id = wabaId!,
            MetaTemplateId = template.MetaTemplateId,
            TemplateName = template.MetaTemplateId is null ? name : null,
            TemplateLanguageCode = template.MetaTemplateId is null ? language : null,
            TemplateCategory = edit.Category,
            ParameterFormat = edit.ParameterFormat?.ToLowerInvariant(),
            TemplateComponents = edit.Components is null ? null : Encoding.UTF8.GetBytes(edit.Components.ToJsonString()),
            CtaUrlLinkTrackingOptedOut = edit.TrackingOptedOut,
        }, cancellationToken), logger, "UpdateWhatsAppMessageTemplate", cancellationToken);
        if (problem is not null) return problem;

        // Meta's own view after the edit (status back in review, its spelling of the definition); the edit as sent otherwise.
        var fresh = await sync.DefinitionAsync(wabaId!, template.MetaTemplateId, cancellationToken);
        var saved = await store.ChangeAsync(row.PartitionKey, row.RowKey, current =>
        {
            var now = clock.GetUtcNow();
            var updated = current ?? TemplateRows.New(wabaId!, name, language!, now);
            var wasApproved = updated.GetString("status") == TemplateStatus.Approved;
            ApplyFresh(updated, fresh ?? merged.ToJsonString(), edit, now);
            if (wasApproved) updated.Set("edits", JsonSerializer.Serialize(RecentEdits(updated, now).Append(now)));
            updated.Set("updatedAt", now);
            return updated;
        }, cancellationToken);
        logger.LogInformation("Updated template {Name} ({Language}) in {WabaId}", name, language, wabaId);
        return Results.Ok(TemplateView.From(saved!, full: true));
    }

    private sealed record Edit(string? Category, JsonArray? Components, string? ParameterFormat, bool? TrackingOptedOut);

    private static Edit? ReadEdit(ReadOnlySpan<byte> utf8Json, string name, string? language, ValidationErrors errors)
    {
        var json = JsonBody.ParseObject(utf8Json, errors);
        if (json is null) return null;
        JsonRules.OnlyKnownMembers(json, JsonPath.Root, errors, Known);
        // Name and language identify the template; a change of either is a new template.
        if (JsonRules.String(json, "name", JsonPath.Root, errors, required: false) is { } newName && newName != name)
            errors.Add("$.name", "immutable", "A template's name cannot change; create a new template instead.");
        if (JsonRules.String(json, "language", JsonPath.Root, errors, required: false) is { } newLanguage && newLanguage != language)
            errors.Add("$.language", "immutable", "A template's language cannot change; create the template in that language instead.");
        var category = JsonRules.String(json, "category", JsonPath.Root, errors, required: false)?.ToUpperInvariant();
        if (category is not null && !TemplateDefinitionRules.Categories.Contains(category))
            errors.Add("$.category", "enum", "'category' must be one of: " + string.Join(", ", TemplateDefinitionRules.Categories) + ".");
        var components = JsonRules.Array(json, "components", JsonPath.Root, errors, required: false, minCount: 1);
        if (components is not null && Encoding.UTF8.GetByteCount(components.ToJsonString()) > MaxComponentBytes)
            errors.Add("$.components", "maxBytes", $"EUM takes components of at most {MaxComponentBytes} bytes of JSON.");
        var format = JsonRules.String(json, "parameter_format", JsonPath.Root, errors, required: false)?.ToUpperInvariant();
        if (format is not null && format is not ("NAMED" or "POSITIONAL"))
            errors.Add("$.parameter_format", "enum", "'parameter_format' must be named or positional.");
        var tracking = JsonRules.Boolean(json, "cta_url_link_tracking_opted_out", JsonPath.Root, errors);
        if (category is null && components is null && format is null && tracking is null && errors.IsEmpty)
            errors.Add(JsonPath.Root, "required", "Name at least one of category, components, parameter_format, cta_url_link_tracking_opted_out.");
        return new Edit(category, components, format, tracking);
    }

    /// <summary>What Meta would refuse (409), or an approved template over its edit allowance (429).</summary>
    private static IResult? Refusal(TemplateRecord template, TableRow row, Edit edit, DateTimeOffset now)
    {
        if (!TemplateStatus.IsEditable(template.Status))
            return HubProblems.Conflict("template-not-editable", "The template cannot be edited now.",
                $"The template is {template.Status ?? "of unknown status"}; Meta lets approved, rejected and paused templates be edited.");
        if (edit.Category is not null && edit.Category != template.Category && !TemplateStatus.MayChangeCategory(template.Status))
            return HubProblems.Conflict("template-category-locked", "The template's category cannot change.",
                $"The template is {template.Status}; only a rejected or paused template may change category. Create a new template instead.");
        if (template.Status != TemplateStatus.Approved) return null;
        var edits = RecentEdits(row, now);
        var dayAgo = now.AddDays(-1);
        if (edits.Any(e => e > dayAgo) || edits.Count >= EditsPer30Days)
        {
            var next = edits.Any(e => e > dayAgo) ? edits.Where(e => e > dayAgo).Min().AddDays(1) : edits.Min().AddDays(30);
            return Results.Problem(type: HubProblems.TypeUri("template-edit-limit"), title: "The template was edited too recently.",
                statusCode: StatusCodes.Status429TooManyRequests,
                detail: $"An approved template may be edited once per 24 hours and {EditsPer30Days} times per 30 days; the next edit is possible at {next:O}.",
                extensions: new Dictionary<string, object?> { ["retryAfter"] = next, ["retryable"] = true });
        }
        return null;
    }

    /// <summary>Edits of the approved template in the last 30 days.</summary>
    private static List<DateTimeOffset> RecentEdits(TableRow row, DateTimeOffset now)
    {
        var edits = new List<DateTimeOffset>();
        try
        {
            edits = JsonSerializer.Deserialize<List<DateTimeOffset>>(row.GetString("edits") ?? "[]") ?? [];
        }
        catch (JsonException)
        {
            // An unreadable list counts as none: Meta has the final word anyway.
        }
        return edits.Where(e => e > now.AddDays(-30)).ToList();
    }

    private static JsonObject Merge(TemplateRecord template, Edit edit)
    {
        JsonObject stored;
        try
        {
            stored = JsonNode.Parse(template.DefinitionJson ?? "{}") as JsonObject ?? [];
        }
        catch (JsonException)
        {
            stored = [];
        }
        // Only the members a definition has: Meta's answer adds status and id, which a definition does not take.
        var merged = new JsonObject
        {
            ["name"] = template.Name,
            ["language"] = template.Language,
            ["category"] = edit.Category ?? template.Category,
        };
        if ((edit.ParameterFormat ?? template.ParameterFormat) is { } format) merged["parameter_format"] = format.ToLowerInvariant();
        foreach (var member in new[] { "message_send_ttl_seconds", "allow_category_change" })
            if (stored[member] is { } value) merged[member] = value.DeepClone();
        merged["components"] = (edit.Components ?? stored["components"] as JsonArray ?? [])?.DeepClone();
        return merged;
    }

    private static void ApplyFresh(TableRow row, string definition, Edit edit, DateTimeOffset now)
    {
        TemplateRows.SetDefinition(row, definition);
        string? status = null, category = null;
        try
        {
            using var document = JsonDocument.Parse(definition);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                status = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                category = root.TryGetProperty("category", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            }
        }
        catch (JsonException)
        {
            // The row keeps its facts; only the definition text is new.
        }
        if ((category ?? edit.Category) is { } newCategory) TemplateRows.SetCategory(row, newCategory.ToUpperInvariant(), now, "api");
        if (status is not null && row.GetString("status") != status.ToUpperInvariant())
            TemplateRows.SetStatus(row, status.ToUpperInvariant(), "edited", now, "api");
        row.Set("editedAt", now);
    }
}
