using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using WhatsAppHub.Sandbox.Recording;

namespace WhatsAppHub.Sandbox.Sns;

/// <summary>What was posted to the hub as SNS and what it answered (GET /sandbox/sns/deliveries).</summary>
public sealed class DeliveryLog(IOptions<SandboxOptions> options) : BoundedLog<SnsDelivery>(options.Value.MaxRecords);

public sealed record SnsDelivery(
    DateTimeOffset Time,
    string SnsMessageId,
    string Type,
    string? Url,
    string Label,
    JsonNode? Message,
    int Attempts,
    int? HubStatus,
    string? Error,
    bool Delivered);
