using System.Text.Json.Nodes;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Core.Templates;

namespace WhatsAppHub.Functions.Messaging;

/// <summary>
/// The MARKETING_MESSAGE and AUTH_MESSAGE rows a template send writes next to its MESSAGE row: same partition, RowKey
/// <c>{id}|MARKETING</c> / <c>{id}|AUTH</c>, inserted in the same transaction as the message, so they exist exactly
/// when it does and cost no extra round trip on the accept path. Their properties are not named like the MESSAGE row's
/// (<c>template</c>, not <c>templateName</c>; <c>campaign</c>, not <c>campaignId</c>), so a filter on MESSAGE properties
/// over the MSG partitions never matches them; readers of those partitions also check <c>itemType</c>.
/// </summary>
internal static class TemplateSendRows
{
    public const string MarketingSuffix = "|MARKETING";
    public const string AuthSuffix = "|AUTH";

    /// <summary>The side row of <paramref name="m"/>, or null when it was not sent from a MARKETING or AUTHENTICATION template.</summary>
    public static TableRow? For(MessageRecord m, string partitionKey, string messageRowKey)
    {
        if (m.Template is not { } t || m.Direction != MessageDirection.Outbound) return null;
        switch (t.Category)
        {
            case TemplateDefinitionRules.Marketing:
            {
                var row = Row(m, t, ItemType.MarketingMessage, partitionKey, messageRowKey + MarketingSuffix);
                row.Set("campaign", t.CampaignId);
                // The values as bound (the send object's components): what this recipient was sent, without parsing the MESSAGE row.
                if (Parameters(m.CloudApiJson) is { } parameters) MessageRows.SetLong(row, "parameters", parameters);
                return row;
            }
            case TemplateDefinitionRules.Authentication:
            {
                // Never the code, nor a hash of it: a code of a few digits is found again from its hash in moments.
                var row = Row(m, t, ItemType.AuthMessage, partitionKey, messageRowKey + AuthSuffix);
                row.Set("codeExpirationMinutes", t.CodeExpirationMinutes);
                if (t.CodeExpirationMinutes is { } minutes) row.Set("codeExpiresBy", m.CreatedAt.AddMinutes(minutes));
                return row;
            }
            default:
                return null;
        }
    }

    /// <summary>What <c>GET /api/messages/{id}</c> shows of a side row.</summary>
    public static (MarketingMessageView? Marketing, AuthMessageView? Authentication) View(TableRow row) =>
        row.GetString(ItemType.PropertyName) switch
        {
            ItemType.MarketingMessage => (new MarketingMessageView(row.GetString("template") ?? "", row.GetString("language") ?? "",
                row.GetString("campaign"), MessageRows.GetLong(row, "parameters") is { } p ? JsonNode.Parse(p) : null), null),
            ItemType.AuthMessage => (null, new AuthMessageView(row.GetString("template") ?? "", row.GetString("language") ?? "",
                row.GetInt32("codeExpirationMinutes"), row.GetDateTimeOffset("codeExpiresBy"))),
            _ => (null, null),
        };

    /// <summary>The RowKey suffix of the side row a message of <paramref name="category"/> has, or null.</summary>
    public static string? Suffix(string? category) => category switch
    {
        TemplateDefinitionRules.Marketing => MarketingSuffix,
        TemplateDefinitionRules.Authentication => AuthSuffix,
        _ => null,
    };

    private static TableRow Row(MessageRecord m, TemplateDetails t, string itemType, string partitionKey, string rowKey)
    {
        var row = new TableRow(partitionKey, rowKey);
        row.Set(ItemType.PropertyName, itemType);
        row.Set("messageId", m.Id);
        row.Set("template", t.Name);
        row.Set("language", t.Language);
        row.Set("createdAt", m.CreatedAt);
        return row;
    }

    private static string? Parameters(string cloudApiJson)
    {
        try
        {
            return JsonNode.Parse(cloudApiJson)?["template"]?["components"]?.ToJsonString();
        }
        catch (System.Text.Json.JsonException)
        {
            return null; // the hub wrote this JSON itself; unreadable would be a bug, and the message must still be stored
        }
    }
}

/// <summary>A marketing template send: the template, the campaign that sent it, and the bound values (the send object's components).</summary>
public sealed record MarketingMessageView(string Template, string Language, string? CampaignId, JsonNode? Parameters);

/// <summary>An authentication template send: the template and how long its code is valid (the code itself is never stored here).</summary>
public sealed record AuthMessageView(string Template, string Language, int? CodeExpirationMinutes, DateTimeOffset? CodeExpiresBy);
