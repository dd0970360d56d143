using System.Text.Json;

namespace WhatsAppHub.Functions.Campaigns;

/// <summary>
/// The text of a <c>campaigns</c> queue message: <c>{"campaignId": …, "runId": …}</c>. The campaign row holds the
/// rest; the run id ties the message to one run, so a message left over from before a pause is recognised and dropped.
/// </summary>
public static class CampaignWork
{
    public static string ToText(string campaignId, string runId) => JsonSerializer.Serialize(new { campaignId, runId });

    public static (string CampaignId, string RunId)? TryParse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("campaignId", out var c) && c.ValueKind == JsonValueKind.String && c.GetString() is { } campaignId
                && root.TryGetProperty("runId", out var r) && r.ValueKind == JsonValueKind.String && r.GetString() is { Length: > 0 } runId
                && CampaignKeys.IsId(campaignId)
                ? (campaignId, runId)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
