using WhatsAppHub.Core.Inbound;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Privacy;
using WhatsAppHub.Core.Suppressions;

namespace WhatsAppHub.Functions.Suppressions;

/// <summary>
/// Turns a contact's <c>user_preferences</c> webhook into their suppression entry (source <c>user</c>): <c>stop</c>
/// suppresses marketing from the number the webhook names, <c>resume</c> lifts it. The store orders them by the time
/// the contact acted, so SNS redeliveries and reversed arrivals end in the latest choice.
/// </summary>
public sealed class UserPreferenceHandler(SuppressionStore store, TimeProvider clock, ILogger<UserPreferenceHandler> logger)
{
    public const string Field = "user_preferences";

    /// <summary>How many preferences changed a suppression (0 for any other account event).</summary>
    public async Task<int> ApplyAsync(EumEvent evt, AccountEvent account, CancellationToken cancellationToken)
    {
        if (account.Kind != Field) return 0;
        // A number the event context cannot map still gets the stop, for every number: losing an opt-out costs more.
        var phoneNumberId = evt.EumPhoneNumberFor(account.Metadata?.MetaPhoneNumberId) is { } arn ? PhoneNumberId.Normalize(arn) : null;
        var now = clock.GetUtcNow();
        var applied = 0;
        foreach (var preference in UserPreferences.Read(account.ValueJson, account.OccurredAt ?? evt.PublishedAt ?? now))
        {
            var waId = RecipientRules.ToWaId(preference.WaId);
            if (!preference.IsMarketing || waId.Length is < RecipientRules.MinDigits or > RecipientRules.MaxDigits)
            {
                logger.LogInformation("User preference {Value} of {WaId} for {Category} not applied: only a phone number's marketing stop or resume is",
                    preference.Value, Redact.PhoneNumber(waId), preference.Category);
                continue;
            }
            var changed = await store.ApplyUserPreferenceAsync(phoneNumberId, waId, preference, now, cancellationToken);
            logger.LogInformation("User preference {Value} of {WaId} on {PhoneNumberId} at {At}: {Outcome}", preference.Value, Redact.PhoneNumber(waId),
                phoneNumberId ?? SuppressionStore.AllNumbers, preference.At, changed ? "applied" : "already superseded");
            if (changed) applied++;
        }
        return applied;
    }
}
