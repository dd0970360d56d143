namespace WhatsAppHub.Functions.Storage;

/// <summary>The hub's queues. Each has a <c>-poison</c> twin for messages that cannot be handled, kept with their reason.</summary>
public static class HubQueues
{
    public const string Outbound = "outbound";
    public const string OutboundPoison = "outbound-poison";
    public const string Inbound = "inbound";
    public const string InboundPoison = "inbound-poison";
    public const string MediaDownload = "media-download";
    public const string MediaDownloadPoison = "media-download-poison";
    public const string Deliveries = "deliveries";
    public const string DeliveriesPoison = "deliveries-poison";
    public const string Workflows = "workflows";
    public const string WorkflowsPoison = "workflows-poison";

    public const string Campaigns = "campaigns";
    public const string CampaignsPoison = "campaigns-poison";

    public static IReadOnlyList<string> All { get; } = [Outbound, OutboundPoison, Inbound, InboundPoison, MediaDownload, MediaDownloadPoison, Deliveries, DeliveriesPoison, Workflows, WorkflowsPoison, Campaigns, CampaignsPoison];
}
