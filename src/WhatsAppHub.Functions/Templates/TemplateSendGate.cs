using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Templates;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Templates;

/// <summary>
/// Refuses, at accept, a template send Meta would refuse for the template's own state: one the hub knows to be paused
/// (Meta's 132015), disabled (132016) or otherwise not approved, from its TEMPLATE_DEFINITION row, which status webhooks
/// keep current. A template the hub has no row for goes on to EUM, which decides. Statuses are remembered per instance
/// for <see cref="Freshness"/>, so a busy campaign reads each template's row once in that time, and a pause reaches
/// every instance within it.
/// </summary>
public sealed class TemplateSendGate(WabaResolver wabas, TemplateStore store, TimeProvider clock, ILogger<TemplateSendGate> logger)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(string Waba, string Name, string Language), (string? Status, DateTimeOffset ReadAt)> _statuses = new();

    /// <summary>A 422 problem when the template of <paramref name="cloudApiMessage"/> may not be sent now, else null.</summary>
    public async Task<IResult?> CheckAsync(string senderPhoneNumberId, JsonObject cloudApiMessage, CancellationToken cancellationToken)
    {
        if (cloudApiMessage["template"] is not JsonObject template
            || template["name"] is not JsonValue nameValue || !nameValue.TryGetValue<string>(out var name)
            || template["language"]?["code"] is not JsonValue languageValue || !languageValue.TryGetValue<string>(out var language))
            return null; // the message rules have refused such a body already
        var (waba, problem) = await wabas.ForPhoneNumberAsync(senderPhoneNumberId, cancellationToken);
        if (problem is not null)
        {
            // Not knowing the account must not stop sends: EUM still refuses a template Meta will not send.
            logger.LogWarning("The account of {PhoneNumberId} is unknown; template '{Name}' is sent unchecked", senderPhoneNumberId, name);
            return null;
        }

        var key = (waba!, name, language);
        var now = clock.GetUtcNow();
        if (!_statuses.TryGetValue(key, out var known) || now - known.ReadAt > Freshness)
        {
            var row = await store.GetAsync(waba!, name, language, cancellationToken);
            known = (row?.GetString("status"), now);
            _statuses[key] = known;
        }
        if (known.Status is null || TemplateStatus.IsSendable(known.Status)) return null;
        return HubProblems.TemplateNotSendable(name, language, known.Status);
    }
}
