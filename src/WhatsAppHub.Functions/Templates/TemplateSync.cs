using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Azure.Tables;

namespace WhatsAppHub.Functions.Templates;

/// <summary>What a sync did: rows created for templates made elsewhere, rows whose facts changed, rows of templates EUM no longer has.</summary>
public sealed record TemplateSyncResult(string WabaId, int Total, int Imported, int Updated, int Unchanged, int Removed);

/// <summary>
/// Brings the WABA's TEMPLATE_DEFINITION rows in step with EUM: every page of ListWhatsAppMessageTemplates is read,
/// each template's id, status, category and quality are written to its row (the definition is fetched for rows that
/// lack one), and rows of templates EUM no longer lists are removed, unless they changed after the sync began (a
/// template created meanwhile is not in the listing yet).
/// </summary>
public sealed class TemplateSync(ISocialMessaging eum, TemplateStore store, TimeProvider clock, ILogger<TemplateSync> logger)
{
    /// <summary>6,000 templates at 100 a page is 60 pages; the cap only stops a token that never ends.</summary>
    private const int MaxPages = 100;

    public async Task<(TemplateSyncResult? Result, IResult? Problem)> RunAsync(string wabaId, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var summaries = new List<TemplateSummary>();
        string? next = null;
        var pages = 0;
        do
        {
            var token = next;
            var (page, problem) = await EumCall.RunAsync(() => eum.ListWhatsAppMessageTemplatesAsync(
                new ListWhatsAppMessageTemplatesRequest { Id = wabaId, NextToken = token, MaxResults = 100 }, cancellationToken),
                logger, "ListWhatsAppMessageTemplates", cancellationToken);
            if (problem is not null) return (null, problem);
            summaries.AddRange(page!.Templates);
            next = page.NextToken;
        } while (next is not null && ++pages < MaxPages);

        var existing = (await store.AllAsync(wabaId, cancellationToken)).ToDictionary(r => r.RowKey, StringComparer.Ordinal);
        int imported = 0, updated = 0, unchanged = 0;
        foreach (var summary in summaries)
        {
            if (summary.TemplateName is not { Length: > 0 } name || summary.TemplateLanguage is not { Length: > 0 } language) continue;
            var rowKey = TemplateKeys.Row(name, language);
            existing.Remove(rowKey, out var known);
            var definition = known is null || (known.GetInt32("definitionParts") ?? 0) == 0
                ? await DefinitionAsync(wabaId, summary.MetaTemplateId, cancellationToken)
                : null;
            var changed = false;
            await store.ChangeAsync(TemplateKeys.Partition(wabaId), rowKey, current =>
            {
                var now = clock.GetUtcNow();
                var row = current ?? TemplateRows.New(wabaId, name, language, now).Set("source", "sync");
                changed = Apply(row, summary, definition, now);
                row.Set("lastSyncedAt", now);
                if (changed) row.Set("updatedAt", now);
                return row;
            }, cancellationToken);
            if (known is null) imported++;
            else if (changed) updated++;
            else unchanged++;
        }

        var removed = 0;
        foreach (var stale in existing.Values)
        {
            // Changed after the listing was read (created or updated meanwhile): the next sync decides.
            if (stale.GetDateTimeOffset("updatedAt") is { } updatedAt && updatedAt >= started) continue;
            if (await store.DeleteAsync(stale, cancellationToken)) removed++;
        }
        logger.LogInformation("Synced {Count} templates of {WabaId}: {Imported} imported, {Updated} updated, {Removed} removed",
            summaries.Count, wabaId, imported, updated, removed);
        return (new TemplateSyncResult(wabaId, summaries.Count, imported, updated, unchanged, removed), null);
    }

    private static bool Apply(TableRow row, TemplateSummary summary, string? definition, DateTimeOffset now)
    {
        var changed = false;
        if (summary.MetaTemplateId is { } id && row.GetString("metaTemplateId") != id)
        {
            row.Set("metaTemplateId", id);
            changed = true;
        }
        if (summary.TemplateStatus is { } status && row.GetString("status") != status.ToUpperInvariant())
            changed |= TemplateRows.SetStatus(row, status.ToUpperInvariant(), null, now, "sync");
        if (summary.TemplateCategory is { } category)
            changed |= TemplateRows.SetCategory(row, category.ToUpperInvariant(), now, "sync");
        if (summary.TemplateQualityScore is { } quality)
            changed |= TemplateRows.SetQuality(row, quality.ToUpperInvariant(), now, "sync");
        if (definition is not null)
        {
            TemplateRows.SetDefinition(row, definition);
            changed = true;
        }
        return changed;
    }

    /// <summary>Meta's definition of one template; null when EUM does not give it (the row is still kept in step).</summary>
    public async Task<string?> DefinitionAsync(string wabaId, string? metaTemplateId, CancellationToken cancellationToken)
    {
        if (metaTemplateId is null) return null;
        var (response, _) = await EumCall.RunAsync(() => eum.GetWhatsAppMessageTemplateAsync(
            new GetWhatsAppMessageTemplateRequest { Id = wabaId, MetaTemplateId = metaTemplateId }, cancellationToken),
            logger, "GetWhatsAppMessageTemplate", cancellationToken);
        return response?.Template;
    }
}
