using WhatsAppHub.Core.Validation;
using WhatsAppHub.Core.Workflows.Welcome;
using WhatsAppHub.Functions.Problems;
using WhatsAppHub.Functions.Templates;

namespace WhatsAppHub.Functions.Workflows.Welcome;

/// <summary>
/// Routes of <c>setup_welcome_sequence</c>: create, list, read, replace and delete an account's welcome sequences
/// (<c>?waba=</c>, else the default number's account). An ad source id belongs to one sequence, and an account has one
/// default; a write that would break either is a 409 naming the sequence in the way.
/// </summary>
public static class WelcomeSequenceEndpoints
{
    /// <summary>Twenty steps of Cloud API messages fit easily.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static RouteGroupBuilder MapWelcomeSequenceEndpoints(this RouteGroupBuilder api)
    {
        var sequences = api.MapGroup("/welcome-sequences").WithTags("Welcome sequences");
        sequences.MapPost("/", CreateAsync).WithName("CreateWelcomeSequence")
            .WithSummary("Create a welcome sequence for Click-to-WhatsApp contacts: steps of a message and a delay, the ads (referral source_id) it answers or isDefault, and what a reply does (stop, branch, continue); answers 201.");
        sequences.MapGet("/", ListAsync).WithName("ListWelcomeSequences")
            .WithSummary("List the account's welcome sequences by name.");
        sequences.MapGet("/{name}", GetAsync).WithName("GetWelcomeSequence")
            .WithSummary("Read a welcome sequence.");
        sequences.MapPut("/{name}", PutAsync).WithName("PutWelcomeSequence")
            .WithSummary("Create or replace a welcome sequence; contacts already in it finish the steps they started with.");
        sequences.MapDelete("/{name}", DeleteAsync).WithName("DeleteWelcomeSequence")
            .WithSummary("Delete a welcome sequence; contacts already in it finish their steps (cancel them with POST /api/workflows/{id}/cancel); answers 204.");
        return api;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, WabaResolver wabas, WelcomeSequenceStore store, TemplateStore templates, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (wabaId, sequence, problem) = await ReadAsync(request, null, wabas, templates, cancellationToken);
        if (problem is not null) return problem;
        if (await ClashAsync(store, wabaId!, sequence!, cancellationToken) is { } clash) return clash;
        if (!await store.InsertAsync(wabaId!, sequence!, clock.GetUtcNow(), cancellationToken))
            return HubProblems.Conflict("welcome-sequence-exists", "A welcome sequence with this name exists.",
                $"'{sequence!.Name}' exists already; PUT /api/welcome-sequences/{sequence.Name} replaces it.");
        var stored = await store.GetAsync(wabaId!, sequence!.Name, cancellationToken);
        return Results.Created($"/api/welcome-sequences/{sequence.Name}", stored is null ? null : WelcomeSequenceView.From(stored));
    }

    private static async Task<IResult> PutAsync(string name, HttpRequest request, WabaResolver wabas, WelcomeSequenceStore store, TemplateStore templates,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var (wabaId, sequence, problem) = await ReadAsync(request, name, wabas, templates, cancellationToken);
        if (problem is not null) return problem;
        if (await ClashAsync(store, wabaId!, sequence!, cancellationToken) is { } clash) return clash;
        var now = clock.GetUtcNow();
        var existing = await store.GetAsync(wabaId!, name, cancellationToken);
        var written = existing is null
            ? await store.InsertAsync(wabaId!, sequence!, now, cancellationToken)
            : await store.ReplaceAsync(wabaId!, sequence!, existing.CreatedAt, now, existing.ETag!, cancellationToken);
        if (!written)
            return HubProblems.Conflict("welcome-sequence-changed", "The welcome sequence changed meanwhile.", "Another request wrote it at the same time; read it and try again.");
        var stored = await store.GetAsync(wabaId!, name, cancellationToken);
        var view = stored is null ? null : WelcomeSequenceView.From(stored);
        return existing is null ? Results.Created($"/api/welcome-sequences/{name}", view) : Results.Ok(view);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, WabaResolver wabas, WelcomeSequenceStore store, CancellationToken cancellationToken)
    {
        var (wabaId, problem) = await WabaAsync(request, wabas, new ValidationErrors(), cancellationToken);
        if (problem is not null) return problem;
        var all = await store.ListAsync(wabaId!, cancellationToken);
        return Results.Ok(new WelcomeSequenceListView(all.Select(WelcomeSequenceView.From).ToList()));
    }

    private static async Task<IResult> GetAsync(string name, HttpRequest request, WabaResolver wabas, WelcomeSequenceStore store, CancellationToken cancellationToken)
    {
        var (wabaId, problem) = await WabaAsync(request, wabas, new ValidationErrors(), cancellationToken);
        if (problem is not null) return problem;
        return await store.GetAsync(wabaId!, name, cancellationToken) is { } stored ? Results.Ok(WelcomeSequenceView.From(stored)) : NotFound(name);
    }

    private static async Task<IResult> DeleteAsync(string name, HttpRequest request, WabaResolver wabas, WelcomeSequenceStore store, CancellationToken cancellationToken)
    {
        var (wabaId, problem) = await WabaAsync(request, wabas, new ValidationErrors(), cancellationToken);
        if (problem is not null) return problem;
        if (!WelcomeSequenceRules.IsName(name) || !await store.DeleteAsync(wabaId!, name, cancellationToken)) return NotFound(name);
        return Results.NoContent();
    }

    /// <summary>The account and the checked body; every bad field (and a bad <c>?waba=</c>) named in one problem.</summary>
    private static async Task<(string? WabaId, WelcomeSequence? Sequence, IResult? Problem)> ReadAsync(HttpRequest request, string? routeName,
        WabaResolver wabas, TemplateStore templates, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null) return (null, null, body.Problem);
        var errors = new ValidationErrors();
        var given = WabaResolver.Read(request.Query, errors);
        var (sequence, bodyErrors) = WelcomeSequenceRules.Read(body.Bytes.Span, routeName);
        foreach (var e in bodyErrors) errors.Add(e.Path, e.Rule, e.Message);
        if (!errors.IsEmpty) return (null, null, HubProblems.Validation(errors.All));
        var (wabaId, problem) = await wabas.ResolveAsync(given, cancellationToken);
        if (problem is not null) return (null, null, problem);
        await CheckTemplatesAsync(wabaId!, sequence!, templates, errors, cancellationToken);
        return errors.IsEmpty ? (wabaId, sequence, null) : (null, null, HubProblems.Validation(errors.All));
    }

    /// <summary>
    /// Each template step names a template the account has, and its values bind to it: refused now, not at the
    /// contact's first step. (Its status is checked at each send: a template paused later is refused then.)
    /// </summary>
    private static async Task CheckTemplatesAsync(string wabaId, WelcomeSequence sequence, TemplateStore templates, ValidationErrors errors,
        CancellationToken cancellationToken)
    {
        foreach (var (member, steps) in (IEnumerable<(string, IReadOnlyList<WelcomeStep>)>)[("steps", sequence.Steps), ("replySteps", sequence.ReplySteps)])
        {
            for (var i = 0; i < steps.Count; i++)
            {
                if (steps[i].Template is not { } step) continue;
                var path = $"$.{member}[{i}].template";
                var name = step["name"]!.GetValue<string>();
                var language = step["language"]!.GetValue<string>();
                if (!TemplateNames.IsName(name) || !TemplateNames.IsLanguage(language)
                    || await templates.GetAsync(wabaId, name, language, cancellationToken) is not { } row)
                {
                    errors.Add(path + ".name", "exists", $"The account has no template '{(name.Length > 64 ? name[..64] + "…" : name)}' in '{language}'.");
                    continue;
                }
                var template = TemplateRecord.From(row);
                if (template.DefinitionJson is null)
                {
                    errors.Add(path + ".name", "exists", $"The hub holds no definition of template '{name}' ({language}); POST /api/templates/sync reads it from EUM.");
                    continue;
                }
                using var values = System.Text.Json.JsonDocument.Parse(step["values"]?.ToJsonString() ?? "{}");
                TemplateMessages.Build(template, new System.Text.Json.Nodes.JsonObject { ["to"] = "+15550000000" }, values.RootElement, path + ".values", errors);
            }
        }
    }

    private static async Task<(string? WabaId, IResult? Problem)> WabaAsync(HttpRequest request, WabaResolver wabas, ValidationErrors errors,
        CancellationToken cancellationToken)
    {
        var given = WabaResolver.Read(request.Query, errors);
        if (!errors.IsEmpty) return (null, HubProblems.Validation(errors.All));
        return await wabas.ResolveAsync(given, cancellationToken);
    }

    /// <summary>Another sequence already answering one of these ads, or already the default.</summary>
    private static async Task<IResult?> ClashAsync(WelcomeSequenceStore store, string wabaId, WelcomeSequence sequence, CancellationToken cancellationToken)
    {
        foreach (var other in (await store.ListAsync(wabaId, cancellationToken)).Select(s => s.Sequence).Where(s => s.Name != sequence.Name))
        {
            if (sequence.IsDefault && other.IsDefault)
                return HubProblems.Conflict("welcome-sequence-conflict", "The account has a default welcome sequence already.",
                    $"'{other.Name}' is the default; set its isDefault to false first.");
            if (sequence.AdSourceIds.Intersect(other.AdSourceIds, StringComparer.Ordinal).FirstOrDefault() is { } ad)
                return HubProblems.Conflict("welcome-sequence-conflict", "An ad already has a welcome sequence.",
                    $"Ad source id '{ad}' belongs to '{other.Name}'; remove it there first.");
        }
        return null;
    }

    private static IResult NotFound(string name) => HubProblems.NotFound($"The account has no welcome sequence named '{(name.Length > 64 ? name[..64] + "…" : name)}'.");
}
