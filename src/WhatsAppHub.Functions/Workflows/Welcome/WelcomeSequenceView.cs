using System.Text.Json.Nodes;

namespace WhatsAppHub.Functions.Workflows.Welcome;

/// <summary>A welcome sequence as the API shows it: the body it was written with, plus its account and times.</summary>
public sealed record WelcomeSequenceView(
    string Name,
    string WabaId,
    JsonArray Steps,
    JsonArray AdSourceIds,
    bool IsDefault,
    string OnReply,
    JsonArray? ReplySteps,
    string? Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static WelcomeSequenceView From(StoredWelcomeSequence stored)
    {
        var json = stored.Sequence.ToJson();
        var replySteps = (JsonArray)json["replySteps"]!;
        return new WelcomeSequenceView(stored.Sequence.Name, stored.WabaId, (JsonArray)json["steps"]!, (JsonArray)json["adSourceIds"]!,
            stored.Sequence.IsDefault, stored.Sequence.OnReply, replySteps.Count == 0 ? null : replySteps, stored.Sequence.Description,
            stored.CreatedAt, stored.UpdatedAt);
    }
}

public sealed record WelcomeSequenceListView(IReadOnlyList<WelcomeSequenceView> Items);
