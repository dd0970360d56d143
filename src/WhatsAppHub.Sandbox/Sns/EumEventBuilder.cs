using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using WhatsAppHub.Sandbox.Eum.World;

namespace WhatsAppHub.Sandbox.Sns;

/// <summary>
/// Builds the JSON that EUM publishes to SNS (eum-events-sns-media.md §1.3): a context naming the WABA
/// and number by Meta id and EUM ARN, and one Meta webhook entry serialised as a string.
/// </summary>
public sealed class EumEventBuilder(SandboxWorld world, IOptions<SandboxOptions> options, TimeProvider time)
{
    /// <summary>Wraps one Meta webhook entry (<c>{"id":…,"changes":[…]}</c>) as an EUM event.</summary>
    public string Wrap(JsonObject metaEntry)
    {
        var (account, phone) = Locate(metaEntry);
        return Wrap(metaEntry, account, phone);
    }

    /// <summary>Wraps an entry for a known account and number (management entries name no number to locate).</summary>
    public string Wrap(JsonObject metaEntry, LinkedAccount account, LinkedPhoneNumber phone)
    {
        var envelope = new JsonObject
        {
            ["context"] = new JsonObject
            {
                ["MetaWabaIds"] = new JsonArray(new JsonObject { ["wabaId"] = account.MetaWabaId, ["arn"] = account.Arn }),
                ["MetaPhoneNumberIds"] = new JsonArray(new JsonObject { ["metaPhoneNumberId"] = phone.MetaPhoneNumberId, ["arn"] = phone.Arn }),
            },
            ["whatsAppWebhookEntry"] = metaEntry.ToJsonString(),
            ["aws_account_id"] = options.Value.AccountId,
            ["message_timestamp"] = NanosecondTimestamp(time.GetUtcNow()),
        };
        return envelope.ToJsonString();
    }

    /// <summary>The Meta entry for one status change of an outbound message (whatsapp-cloud-api.md §5.4).</summary>
    public JsonObject StatusEntry(StatusJob job, string status, bool withPricing) =>
        MessagesEntry(job.MetaWabaId, job.DisplayPhoneDigits, job.MetaPhoneNumberId,
            new JsonObject { ["statuses"] = new JsonArray(StatusItem(job, status, withPricing)) });

    /// <summary>One <c>value.statuses[]</c> item (whatsapp-cloud-api.md §5.4).</summary>
    public JsonObject StatusItem(StatusJob job, string status, bool withPricing)
    {
        var now = time.GetUtcNow();
        var item = new JsonObject
        {
            ["id"] = job.MessageId,
            ["status"] = status,
            ["timestamp"] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["recipient_id"] = job.RecipientId,
        };
        if (job.RecipientType == "group")
        {
            item["recipient_type"] = "group";
        }
        if (job.BizOpaqueCallbackData is not null)
        {
            item["biz_opaque_callback_data"] = job.BizOpaqueCallbackData;
        }
        // Graph API v24.0 dropped the conversation object from status webhooks (except free entry
        // point windows); older versions carry one per message, with the expiry only on "sent".
        if (job.MetaApiMajorVersion is < 24 && status != "failed")
        {
            var conversation = new JsonObject { ["id"] = job.ConversationId };
            if (status == "sent")
            {
                conversation["expiration_timestamp"] = now.AddHours(24).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            }
            conversation["origin"] = new JsonObject { ["type"] = job.PricingCategory };
            item["conversation"] = conversation;
        }
        if (withPricing)
        {
            item["pricing"] = new JsonObject
            {
                ["billable"] = job.Billable,
                ["pricing_model"] = "PMP",
                ["type"] = job.Billable ? "regular" : "free_customer_service",
                ["category"] = job.PricingCategory,
            };
        }
        if (status == "failed")
        {
            item["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = 131026,
                ["title"] = "Message undeliverable",
                ["message"] = "Message undeliverable",
                ["error_data"] = new JsonObject { ["details"] = "Message Undeliverable." },
                ["href"] = "/documentation/business-messaging/whatsapp/support/error-codes",
            });
        }
        return item;
    }

    /// <summary>
    /// The entry of one <c>messages</c> change (§5.2): messaging_product and metadata, then <paramref name="parts"/>
    /// (contacts and messages, statuses, or errors), whose properties are moved into the value.
    /// </summary>
    public static JsonObject MessagesEntry(string metaWabaId, string displayPhoneDigits, string metaPhoneNumberId, JsonObject parts)
    {
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = displayPhoneDigits, ["phone_number_id"] = metaPhoneNumberId },
        };
        foreach (var name in parts.Select(p => p.Key).ToList())
        {
            var node = parts[name];
            parts.Remove(name);
            value[name] = node;
        }
        return ChangeEntry(metaWabaId, "messages", value, entryTime: null);
    }

    /// <summary>An entry with one change; management fields also carry the entry's <c>time</c> (§5.2).</summary>
    public static JsonObject ChangeEntry(string metaWabaId, string field, JsonObject value, DateTimeOffset? entryTime)
    {
        var entry = new JsonObject { ["id"] = metaWabaId };
        if (entryTime is { } at)
        {
            entry["time"] = at.ToUnixTimeSeconds();
        }
        entry["changes"] = new JsonArray(new JsonObject { ["field"] = field, ["value"] = value });
        return entry;
    }

    /// <summary>EUM writes nine fractional digits; .NET keeps seven, so two zeros pad the value.</summary>
    public static string NanosecondTimestamp(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        var nanos = utc.Ticks % TimeSpan.TicksPerSecond * 100;
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "." + nanos.ToString("D9", CultureInfo.InvariantCulture) + "Z";
    }

    // Picks the linked account and number an entry belongs to (by entry.id and metadata.phone_number_id),
    // defaulting to the configured ones so that hand-written test entries need not repeat the ids.
    private (LinkedAccount Account, LinkedPhoneNumber Phone) Locate(JsonObject entry)
    {
        var metaWabaId = entry["id"]?.GetValueKind() == JsonValueKind.String ? entry["id"]!.GetValue<string>() : null;
        var metaPhoneId = (entry["changes"] as JsonArray)?.OfType<JsonObject>()
            .Select(c => c["value"]?["metadata"]?["phone_number_id"])
            .FirstOrDefault(n => n?.GetValueKind() == JsonValueKind.String)?.GetValue<string>();

        return world.Locked(w =>
        {
            var account = w.Accounts.FirstOrDefault(a => a.MetaWabaId == metaWabaId)
                ?? w.Accounts.FirstOrDefault(a => a.Id == options.Value.WabaId)
                ?? w.Accounts.FirstOrDefault()
                ?? throw new InvalidOperationException("No linked WhatsApp Business Account to publish for.");
            var phone = account.PhoneNumbers.FirstOrDefault(p => p.MetaPhoneNumberId == metaPhoneId)
                ?? account.PhoneNumbers.FirstOrDefault()
                ?? throw new InvalidOperationException($"WABA {account.Id} has no phone number to publish for.");
            return (account, phone);
        });
    }
}

/// <summary>What status publishing needs to know about one accepted message.</summary>
public sealed record StatusJob(
    string MessageId,
    string RecipientId,
    string? RecipientType,
    string? BizOpaqueCallbackData,
    string PricingCategory,
    bool Billable,
    int? MetaApiMajorVersion,
    string ConversationId,
    string MetaWabaId,
    string MetaPhoneNumberId,
    string DisplayPhoneDigits);
