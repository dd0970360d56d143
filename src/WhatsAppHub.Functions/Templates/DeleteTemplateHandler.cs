using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Templates;

/// <summary>
/// <c>DELETE /api/templates/{name}</c>: every language of the name, or with <c>?language=</c> that one only. One language
/// is deleted by Meta's template id (without it Meta deletes every language of the name), so it needs the row; a
/// template EUM no longer has is gone, which is what a delete wants, and its rows are removed too.
/// </summary>
public sealed class DeleteTemplateHandler(ISocialMessaging eum, WabaResolver wabas, TemplateStore store, ILogger<DeleteTemplateHandler> logger)
{
    public async Task<IResult> HandleAsync(string name, HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        TemplateNames.CheckRouteName(name, errors);
        var language = TemplateNames.Language(request.Query, errors, required: false);
        var given = WabaResolver.Read(request.Query, errors);
        if (!errors.IsEmpty) return HubProblems.Validation(errors.All);
        var (wabaId, wabaProblem) = await wabas.ResolveAsync(given, cancellationToken);
        if (wabaProblem is not null) return wabaProblem;

        var rows = language is null
            ? await store.LanguagesAsync(wabaId!, name, cancellationToken)
            : await store.GetAsync(wabaId!, name, language, cancellationToken) is { } one ? [one] : [];
        if (language is not null && rows.Count == 0) return TemplateEndpoints.NotFound(name, language);
        var metaTemplateId = language is null ? null : rows[0].GetString("metaTemplateId");
        if (language is not null && metaTemplateId is null)
            return HubProblems.Conflict("template-id-unknown", "The template's id is not known.",
                "Deleting one language needs Meta's template id; POST /api/templates/sync to learn it, then delete again.");

        var gone = false;
        var (_, problem) = await EumCall.RunAsync(async () =>
        {
            try
            {
                return await eum.DeleteWhatsAppMessageTemplateAsync(new DeleteWhatsAppMessageTemplateRequest
                {
                    Id = wabaId!,
                    TemplateName = name,
                    MetaTemplateId = metaTemplateId,
                    DeleteAllLanguages = language is null ? true : null,
                }, cancellationToken);
            }
            catch (SocialMessagingException e) when (e.ErrorType == SocialMessagingErrorType.ResourceNotFound)
            {
                gone = true;
                return new DeleteWhatsAppMessageTemplateResponse();
            }
        }, logger, "DeleteWhatsAppMessageTemplate", cancellationToken);
        if (problem is not null) return problem;
        if (gone && rows.Count == 0) return TemplateEndpoints.NotFound(name, language);

        foreach (var row in rows) await store.DeleteAnyVersionAsync(row, cancellationToken);
        logger.LogInformation("Deleted template {Name} ({Language}) in {WabaId}", name, language ?? "all languages", wabaId);
        return Results.NoContent();
    }
}
