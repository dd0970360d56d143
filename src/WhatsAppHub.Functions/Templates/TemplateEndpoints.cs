using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.OpenApi;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Templates;

/// <summary>
/// Routes of the Templates area, management side: create, list, read, update and delete message templates through
/// EUM, browse Meta's template library and create from it, upload header media, and sync the rows with EUM; and sending a
/// stored template with its values bound (<see cref="SendTemplateHandler"/>), generically or through one typed route per kind
/// (<see cref="TemplateSendKinds"/>).
/// </summary>
public static class TemplateEndpoints
{
    public const string SendOperationName = "SendTemplate";

    public static RouteGroupBuilder MapTemplateEndpoints(this RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/templates").WithTags("Templates");
        templates.MapPost("/", (HttpRequest request, CreateTemplateHandler handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName("CreateTemplate")
            .WithSummary("Create a message template from a definition in Meta's format (checked rule by rule first); answers 201 with EUM's id and status.");
        templates.MapGet("/", ListAsync).WithName("ListTemplates")
            .WithSummary("List the account's templates by name then language, filtered by status, category, language or a name prefix; sync=true refreshes them from EUM first.");
        templates.MapPost("/sync", SyncAsync).WithName("SyncTemplates")
            .WithSummary("Bring the stored templates in step with EUM: import templates made elsewhere, refresh statuses, drop deleted ones.");
        templates.MapGet("/library", (HttpRequest request, TemplateLibraryHandler handler, CancellationToken ct) => handler.ListAsync(request, ct))
            .WithName("ListTemplateLibrary")
            .WithSummary("Browse Meta's template library, filtered by search text, topic, use case, industry or language.");
        templates.MapPost("/library/{libraryName}", (string libraryName, HttpRequest request, TemplateLibraryHandler handler, CancellationToken ct) =>
                handler.CreateAsync(libraryName, request, ct))
            .WithName("CreateTemplateFromLibrary")
            .WithSummary("Create a template from a library template, with its button and body customizations; answers 201.");
        templates.MapPost("/media", (HttpRequest request, TemplateMediaHandler handler, CancellationToken ct) => handler.HandleAsync(request, ct))
            .WithName("CreateTemplateMedia")
            .WithSummary("Turn an object in the media bucket into a header handle for a template definition (example.header_handle).");
        templates.MapGet("/{name}", GetAsync).WithName("GetTemplate")
            .WithSummary("Read a template in one language (?language=), or every language of the name, with its definition and status history.");
        templates.MapPut("/{name}", (string name, HttpRequest request, UpdateTemplateHandler handler, CancellationToken ct) => handler.HandleAsync(name, request, ct))
            .WithName("UpdateTemplate")
            .WithSummary("Edit a template in one language (?language=): components, category, parameter format, within Meta's editing rules.");
        templates.MapDelete("/{name}", (string name, HttpRequest request, DeleteTemplateHandler handler, CancellationToken ct) => handler.HandleAsync(name, request, ct))
            .WithName("DeleteTemplate")
            .WithSummary("Delete a template in one language (?language=), or in every language; answers 204.");
        templates.MapPost("/{name}/send", (string name, HttpRequest request, SendTemplateHandler handler, CancellationToken ct) => handler.SendAsync(name, request, ct))
            .WithName(SendOperationName)
            .WithSummary("Send a stored template to one recipient: {to, language, values?, phoneNumberId?}; values are bound by name or position to the stored definition and checked before EUM is called; answers as POST /api/messages does.")
            .ProducesSendResponses();
        foreach (var kind in TemplateSendKinds.All)
        {
            templates.MapPost("/{name}/send/" + kind.Route, (string name, HttpRequest request, SendTemplateHandler handler, CancellationToken ct) =>
                    handler.SendKindAsync(name, kind, request, ct))
                .WithName(kind.OperationName)
                .WithSummary(kind.Summary)
                .ProducesSendResponses();
        }
        return api;
    }

    public static string Location(string name, string language) => $"/api/templates/{name}?language={Uri.EscapeDataString(language)}";

    private static async Task<IResult> ListAsync(HttpRequest request, WabaResolver wabas, TemplateStore store, TemplateSync sync,
        CancellationToken cancellationToken)
    {
        var (query, errors) = TemplateListQuery.Read(request.Query);
        if (query is null) return HubProblems.Validation(errors);
        var (wabaId, problem) = await wabas.ResolveAsync(query.WabaId, cancellationToken);
        if (problem is not null) return problem;
        if (query.Sync && (await sync.RunAsync(wabaId!, cancellationToken)).Problem is { } syncProblem) return syncProblem;
        var (rows, continuation) = await store.ListAsync(wabaId!, query, cancellationToken);
        return Results.Ok(new TemplateListView(rows.Select(r => TemplateView.From(r, full: false)).ToList(), continuation?.ToToken()));
    }

    private static async Task<IResult> SyncAsync(HttpRequest request, WabaResolver wabas, TemplateSync sync, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var given = WabaResolver.Read(request.Query, errors);
        if (!errors.IsEmpty) return HubProblems.Validation(errors.All);
        var (wabaId, problem) = await wabas.ResolveAsync(given, cancellationToken);
        if (problem is not null) return problem;
        var (result, syncProblem) = await sync.RunAsync(wabaId!, cancellationToken);
        return syncProblem ?? Results.Ok(result);
    }

    private static async Task<IResult> GetAsync(string name, HttpRequest request, WabaResolver wabas, TemplateStore store,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        TemplateNames.CheckRouteName(name, errors);
        var language = TemplateNames.Language(request.Query, errors, required: false);
        var given = WabaResolver.Read(request.Query, errors);
        if (!errors.IsEmpty) return HubProblems.Validation(errors.All);
        var (wabaId, problem) = await wabas.ResolveAsync(given, cancellationToken);
        if (problem is not null) return problem;

        if (language is not null)
            return await store.GetAsync(wabaId!, name, language, cancellationToken) is { } row
                ? Results.Ok(TemplateView.From(row, full: true))
                : NotFound(name, language);
        var rows = await store.LanguagesAsync(wabaId!, name, cancellationToken);
        return rows.Count == 0 ? NotFound(name, null) : Results.Ok(new TemplateLanguagesView(name, rows.Select(r => TemplateView.From(r, full: true)).ToList()));
    }

    public static IResult NotFound(string name, string? language) => HubProblems.NotFound(
        $"The hub knows no template {name}{(language is null ? "" : $" in {language}")}. Templates made outside the hub appear after POST /api/templates/sync.");
}
