using System.Text.Json.Nodes;

namespace WhatsAppHub.Sandbox.Recording;

/// <summary>One SendWhatsAppMessage call, accepted or refused, with the Cloud API JSON decoded (GET /sandbox/messages).</summary>
public sealed class MessageRecord
{
    private readonly Lock _gate = new();
    private readonly List<PublishedStatus> _statuses = [];

    public required DateTimeOffset Time { get; init; }
    public required string RequestId { get; init; }
    public string? OriginationPhoneNumberId { get; init; }
    public string? MetaApiVersion { get; init; }
    public JsonNode? Message { get; init; }
    public bool SignatureValid { get; init; }
    public bool Accepted { get; init; }
    public int ResponseStatus { get; init; }
    public string? ErrorType { get; init; }
    public string? ErrorMessage { get; init; }
    public string? MessageId { get; init; }

    public IReadOnlyList<PublishedStatus> Statuses
    {
        get
        {
            lock (_gate)
            {
                return _statuses.ToList();
            }
        }
    }

    public void AddStatus(PublishedStatus status)
    {
        lock (_gate)
        {
            _statuses.Add(status);
        }
    }
}

/// <summary>A status notification published for a message, with the hub's answer.</summary>
public sealed record PublishedStatus(string Status, string SnsMessageId, DateTimeOffset Time, int? HubStatus, int Attempts, string? Error);
