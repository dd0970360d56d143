using WhatsAppHub.Core.Messaging;

namespace WhatsAppHub.Functions.Templates;

/// <summary>
/// Meta's template pacing (whatsapp-cloud-api.md §3.10): a paced template's held messages are dropped when its early
/// signal is bad, each with a <c>failed</c> status of code <see cref="DroppedCode"/>. Each drop of a message the hub sent
/// from a stored template is recorded on its TEMPLATE_DEFINITION row (<c>pacingDroppedMessages</c>,
/// <c>pacingLastDroppedAt</c>), so <c>GET /api/templates/{name}</c> shows that pacing is holding it back. The status
/// handler calls this only when the failed status moved the MESSAGE row (under its ETag), so repeats count once.
/// </summary>
public sealed class TemplatePacing(TemplateStore store, WabaResolver wabas, ILogger<TemplatePacing> logger)
{
    /// <summary>"Template paused", also the code of messages dropped by pacing.</summary>
    public const string DroppedCode = "132015";

    /// <summary>True for a failure pacing caused: a template message failed with <see cref="DroppedCode"/>.</summary>
    public static bool IsDrop(MessageRecord message) =>
        message is { Status: MessageStatus.Failed, Template: not null, Error.Code: DroppedCode };

    /// <summary>Adds one dropped message to the template's row; nothing when the hub has no row for it.</summary>
    public async Task RecordDropAsync(MessageRecord message, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (!IsDrop(message)) return;
        var (wabaId, _) = await wabas.ForPhoneNumberAsync(message.PhoneNumberId, cancellationToken);
        if (wabaId is null)
        {
            logger.LogWarning("Pacing drop of message {MessageId} not recorded: the account of its number is not known", message.Id);
            return;
        }
        var template = message.Template!;
        await store.ChangeAsync(TemplateKeys.Partition(wabaId), TemplateKeys.Row(template.Name, template.Language), row =>
        {
            if (row is null) return null; // deleted meanwhile, or made elsewhere and not synced: nothing to show it on
            row.Set("pacingDroppedMessages", (row.GetInt64("pacingDroppedMessages") ?? 0) + 1);
            if (row.GetDateTimeOffset("pacingLastDroppedAt") is not { } last || at > last) row.Set("pacingLastDroppedAt", at);
            return row;
        }, cancellationToken);
        logger.LogInformation("Template {Name} ({Language}): message {MessageId} dropped by pacing", template.Name, template.Language, message.Id);
    }
}
