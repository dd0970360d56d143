namespace WhatsAppHub.Functions.Storage;

/// <summary>The hub's tables, one per bounded area (docs/data-model.md lists the keys and access patterns of each).</summary>
public static class HubTables
{
    public const string Messages = "Messages";
    /// <summary>Wamid pointers to MESSAGE rows (<see cref="Messaging.MessageStore"/> says why they are not in <see cref="Messages"/>).</summary>
    public const string MessageWamids = "MessageWamids";
    public const string Conversations = "Conversations";
    public const string SendRates = "SendRates";
    public const string Media = "Media";
    public const string InboundEvents = "InboundEvents";
    public const string Events = "Events";
    public const string Subscriptions = "Subscriptions";
    public const string Suppressions = "Suppressions";
    public const string Templates = "Templates";
    public const string Analytics = "Analytics";
    public const string Workflows = "Workflows";
    public const string Payments = "Payments";

    public const string Campaigns = "Campaigns";

    public static IReadOnlyList<string> All { get; } = [Messages, MessageWamids, Conversations, SendRates, Media, InboundEvents, Events, Subscriptions, Suppressions, Templates, Analytics, Workflows, Campaigns, Payments];
}
