using WhatsAppHub.Core.Privacy;
using WhatsAppHub.Core.Suppressions;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Conversations;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Suppressions;

/// <summary>
/// Routes of the suppression list: contacts a business will not send certain template categories to (campaigns skip
/// and count them), next to the contacts' own marketing opt-outs, which arrive as <c>user_preferences</c> webhooks.
/// </summary>
public static class SuppressionEndpoints
{
    /// <summary>One entry is a number, an id, a reason and three categories.</summary>
    public const int MaxBodyBytes = 8 * 1024;

    /// <summary>1,000 entries of a few hundred bytes each, with room for long reasons.</summary>
    public const int MaxBulkBodyBytes = 1024 * 1024;

    /// <summary>Entries of a bulk request written at once (each contact is its own partition, so no transaction helps).</summary>
    private const int BulkParallelism = 16;

    public static RouteGroupBuilder MapSuppressionEndpoints(this RouteGroupBuilder api)
    {
        var suppressions = api.MapGroup("/suppressions").WithTags("Suppressions");
        suppressions.MapPost("/", AddAsync).WithName("AddSuppression")
            .WithSummary("Suppress a contact (waId or phoneNumber) for template categories (marketing by default) on one number or all; 201 when new, 200 when it replaced the business's entry.");
        suppressions.MapPost("/bulk", AddBulkAsync).WithName("AddSuppressions")
            .WithSummary("Suppress up to 1,000 contacts at once; nothing is written unless every entry is valid (the 400 names each bad index).");
        suppressions.MapGet("/", ListAsync).WithName("ListSuppressions")
            .WithSummary("List active suppressions in wa_id order, filtered by phoneNumberId (entries for all numbers included) and source (business, user).");
        suppressions.MapGet("/{waId}", GetAsync).WithName("GetSuppression")
            .WithSummary("A contact's active suppressions: the business's and their own marketing stop.");
        suppressions.MapDelete("/{waId}", DeleteAsync).WithName("DeleteSuppression")
            .WithSummary("Remove the business's suppression of a contact (?phoneNumberId= for one number's); a contact's own stop stays until they resume (409).");
        return api;
    }

    private static async Task<IResult> AddAsync(HttpRequest request, SuppressionStore store, TimeProvider clock, ILogger<SuppressionStore> logger,
        CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null) return body.Problem;
        var (entry, errors) = SuppressionRules.Read(body.Bytes.Span);
        if (entry is null) return HubProblems.Validation(errors);

        var (suppression, created) = await store.SetBusinessAsync(entry, clock.GetUtcNow(), cancellationToken);
        logger.LogInformation("Suppressed {WaId} for {Categories} on {PhoneNumberId} ({Outcome})", Redact.PhoneNumber(entry.WaId),
            string.Join(",", entry.Categories), entry.PhoneNumberId ?? SuppressionStore.AllNumbers, created ? "new" : "replaced");
        var view = SuppressionView.From(suppression);
        return created ? Results.Created($"/api/suppressions/{suppression.WaId}", view) : Results.Ok(view);
    }

    private static async Task<IResult> AddBulkAsync(HttpRequest request, SuppressionStore store, TimeProvider clock, ILogger<SuppressionStore> logger,
        CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, MaxBulkBodyBytes, cancellationToken);
        if (body.Problem is not null) return body.Problem;
        var (entries, errors) = SuppressionRules.ReadBulk(body.Bytes.Span);
        if (entries is null) return HubProblems.Validation(errors);

        // Each write is idempotent, so a request cut short by storage (503) can simply be sent again.
        var now = clock.GetUtcNow();
        var created = 0;
        await Parallel.ForEachAsync(entries, new ParallelOptions { MaxDegreeOfParallelism = BulkParallelism, CancellationToken = cancellationToken },
            async (entry, ct) =>
            {
                if ((await store.SetBusinessAsync(entry, now, ct)).Created) Interlocked.Increment(ref created);
            });
        logger.LogInformation("Suppressed {Count} contacts in bulk ({Created} new)", entries.Count, created);
        return Results.Ok(new BulkSuppressionView(created, entries.Count - created));
    }

    private static async Task<IResult> ListAsync(HttpRequest request, SuppressionStore store, CancellationToken cancellationToken)
    {
        var (query, errors) = SuppressionListQuery.Read(request.Query);
        if (query is null) return HubProblems.Validation(errors);
        var (items, continuation) = await store.ListAsync(query, cancellationToken);
        return Results.Ok(new SuppressionListView(items.Select(SuppressionView.From).ToList(), continuation?.ToToken()));
    }

    private static async Task<IResult> GetAsync(string waId, SuppressionStore store, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (ConversationListQuery.ReadWaId(waId, errors) is not { } contact) return HubProblems.Validation(errors.All);
        var active = (await store.FindAsync(contact, cancellationToken)).Where(s => s.Active).Select(SuppressionView.From).ToList();
        return active.Count > 0 ? Results.Ok(new ContactSuppressionsView(contact, active)) : HubProblems.NotFound("This contact is not suppressed.");
    }

    private static async Task<IResult> DeleteAsync(string waId, HttpRequest request, SuppressionStore store, ILogger<SuppressionStore> logger,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var contact = ConversationListQuery.ReadWaId(waId, errors);
        var number = QueryParameters.PhoneNumberId(request.Query, errors);
        if (contact is null || !errors.IsEmpty) return HubProblems.Validation(errors.All);

        var removed = await store.DeleteBusinessAsync(contact, number, cancellationToken);
        if (removed > 0)
        {
            logger.LogInformation("Lifted {Count} business suppressions of {WaId}", removed, Redact.PhoneNumber(contact));
            return Results.NoContent();
        }
        // Only the contact can lift their own opt-out (WhatsApp's "resume"); saying so beats a bare 404.
        if ((await store.FindAsync(contact, cancellationToken)).Any(s => s.Active && s.Source == SuppressionSources.User))
            return HubProblems.Conflict("suppressed-by-contact", "The contact stopped marketing messages themselves.",
                "Only the contact can lift their own stop, by resuming marketing messages in WhatsApp; the business has no suppression to remove.");
        return HubProblems.NotFound(number is null ? "The business has no suppression of this contact." : "The business has no suppression of this contact for this number.");
    }
}
