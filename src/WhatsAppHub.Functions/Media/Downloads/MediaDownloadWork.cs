using System.Text.Json;
using System.Text.Json.Serialization;

namespace WhatsAppHub.Functions.Media.Downloads;

/// <summary>
/// The text of a <c>media-download</c> queue message: what the webhook said about one media a contact sent. It carries
/// everything the download needs, so the worker does not depend on the raw event row still being there.
/// </summary>
public sealed record MediaDownloadWork(
    [property: JsonPropertyName("phoneNumberId")] string PhoneNumberId,
    [property: JsonPropertyName("mediaId")] string MediaId,
    [property: JsonPropertyName("wamid")] string? Wamid,
    [property: JsonPropertyName("mediaType")] string MediaType,
    [property: JsonPropertyName("mimeType")] string? MimeType,
    [property: JsonPropertyName("sha256")] string? Sha256,
    [property: JsonPropertyName("fileName")] string? FileName,
    [property: JsonPropertyName("from")] string? From,
    [property: JsonPropertyName("receivedAt")] DateTimeOffset ReceivedAt)
{
    public string ToJson() => JsonSerializer.Serialize(this, MediaDownloadWorkJson.Default.MediaDownloadWork);

    /// <summary>The work, or null for text that is not a whole one (it goes to the poison queue).</summary>
    public static MediaDownloadWork? TryParse(string text)
    {
        try
        {
            var work = JsonSerializer.Deserialize(text, MediaDownloadWorkJson.Default.MediaDownloadWork);
            return work is { PhoneNumberId.Length: > 0, MediaType.Length: > 0 } && MediaDownloadStore.IsWhatsAppMediaId(work.MediaId ?? string.Empty)
                && Core.Messaging.PhoneNumberId.IsValid(work.PhoneNumberId) ? work : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSerializable(typeof(MediaDownloadWork))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class MediaDownloadWorkJson : JsonSerializerContext;
