using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using WhatsAppHub.Sandbox.Eum.World;
using WhatsAppHub.Sandbox.Sns;

namespace WhatsAppHub.Sandbox.Templates;

/// <summary>
/// Plays Meta's template review. With <c>TemplateReviewMs</c> at -1 (the default) new templates are approved at once,
/// as local runs that send straight away want. From 0 up they start PENDING, as Meta's do, and after that many
/// milliseconds become APPROVED; every status change (review, or <c>POST /sandbox/templates/{id}/status</c>) is
/// published to the hub as a signed <c>message_template_status_update</c>, as EUM forwards Meta's webhook.
/// </summary>
public sealed class TemplateReview(
    SandboxWorld world,
    SnsPublisher sns,
    EumEventBuilder events,
    IOptions<SandboxOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<TemplateReview> logger)
{
    public const string Field = "message_template_status_update";

    /// <summary>The status a template gets when created or edited.</summary>
    public string InitialStatus => options.Value.TemplateReviewMs < 0 ? "APPROVED" : "PENDING";

    /// <summary>Approves the template after the configured delay (nothing when reviews are off).</summary>
    public void Schedule(string metaTemplateId)
    {
        var delay = options.Value.TemplateReviewMs;
        if (delay < 0)
        {
            return;
        }
        var stopping = lifetime.ApplicationStopping;
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(delay), time, stopping);
                await SetStatusAsync(metaTemplateId, "APPROVED", "NONE", only: "PENDING", stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Shutting down: the review never ends, as with a stopped Meta.
            }
            catch (Exception e)
            {
                logger.LogError(e, "Reviewing template {MetaTemplateId} failed", metaTemplateId);
            }
        }, CancellationToken.None);
    }

    /// <summary>
    /// Sets a template's status and publishes the webhook. Null when no template has the id, or (with
    /// <paramref name="only"/>) it is no longer in that status, e.g. deleted or edited while in review.
    /// </summary>
    public async Task<SnsDelivery?> SetStatusAsync(string metaTemplateId, string status, string? reason, string? only, CancellationToken cancellationToken)
    {
        var found = world.Locked(w =>
        {
            var template = w.Templates.FirstOrDefault(t => t.MetaTemplateId == metaTemplateId);
            if (template is null || (only is not null && template.Status != only))
            {
                return null;
            }
            template.Status = status;
            var account = w.Accounts.First(a => a.Id == template.WabaId);
            return new { template.Name, template.Language, template.Category, Account = account, Phone = account.PhoneNumbers.First() };
        });
        if (found is null)
        {
            return null;
        }
        var value = new JsonObject
        {
            ["event"] = status,
            ["message_template_id"] = long.Parse(metaTemplateId, CultureInfo.InvariantCulture),
            ["message_template_name"] = found.Name,
            ["message_template_language"] = found.Language,
            ["reason"] = reason ?? "NONE",
            ["message_template_category"] = found.Category,
        };
        var entry = EumEventBuilder.ChangeEntry(found.Account.MetaWabaId, Field, value, time.GetUtcNow());
        return await sns.PublishAsync(events.Wrap(entry, found.Account, found.Phone), $"template:{status} {found.Name}", cancellationToken);
    }
}
