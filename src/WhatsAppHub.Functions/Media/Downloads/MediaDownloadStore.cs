using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Media.Downloads;

/// <summary>MEDIA_DOWNLOAD rows (<c>MEDIA|{WhatsApp media id}</c> / <c>MEDIA_DOWNLOAD</c>) in the <c>Media</c> table.</summary>
public sealed class MediaDownloadStore(TableService tables)
{
    private const string RowKey = ItemType.MediaDownload;

    private readonly ITableStore _table = tables.GetTable(HubTables.Media);

    /// <summary>Records a download to come; false when the media already has a row (a repeat folds into it).</summary>
    public Task<bool> InsertIfAbsentAsync(MediaDownload download, CancellationToken cancellationToken) =>
        _table.InsertIfAbsentAsync(ToRow(download), cancellationToken);

    /// <summary>The download of this WhatsApp media id, or null.</summary>
    public async Task<(MediaDownload Download, string ETag)?> FindAsync(string whatsAppMediaId, CancellationToken cancellationToken)
    {
        if (!IsWhatsAppMediaId(whatsAppMediaId)) return null;
        var row = await _table.GetAsync(Key(whatsAppMediaId), RowKey, cancellationToken);
        return row is null ? null : (FromRow(row), row.ETag!);
    }

    /// <summary>Replaces the row and returns its new ETag, unless it changed since it was read (then null: read it again).</summary>
    public async Task<string?> ReplaceAsync(MediaDownload download, string etag, CancellationToken cancellationToken)
    {
        try
        {
            return await _table.UpdateAsync(ToRow(download), etag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (TableConcurrencyException)
        {
            return null;
        }
    }

    /// <summary>EUM's pattern for media ids; anything else cannot name a download.</summary>
    public static bool IsWhatsAppMediaId(string id) => id.Length is > 0 and <= 100 && id.All(char.IsAsciiLetterOrDigit);

    private static string Key(string id) => StorageKey.Compose("MEDIA", id);

    private static TableRow ToRow(MediaDownload d)
    {
        var row = new TableRow(Key(d.WhatsAppMediaId), RowKey);
        row.Set(ItemType.PropertyName, ItemType.MediaDownload);
        row.Set("whatsAppMediaId", d.WhatsAppMediaId);
        row.Set("status", d.Status);
        row.Set("mediaType", d.MediaType);
        row.Set("mimeType", d.MimeType);
        row.Set("sha256", d.Sha256);
        row.Set("fileName", d.FileName);
        row.Set("phoneNumberId", d.PhoneNumberId);
        row.Set("from", d.From);
        row.Set("wamid", d.Wamid);
        row.Set("createdAt", d.CreatedAt);
        row.Set("size", d.Size);
        row.Set("bucket", d.Bucket);
        row.Set("key", d.Key);
        row.Set("sha256Verified", d.Sha256Verified);
        row.Set("attempts", d.Attempts);
        row.Set("attemptStartedAt", d.AttemptStartedAt);
        row.Set("error", d.Error);
        row.Set("downloadedAt", d.DownloadedAt);
        row.Set("failedAt", d.FailedAt);
        return row;
    }

    private static MediaDownload FromRow(TableRow r) => new(
        r.GetString("whatsAppMediaId")!, r.GetString("status")!, r.GetString("mediaType")!, r.GetString("mimeType"), r.GetString("sha256"),
        r.GetString("fileName"), r.GetString("phoneNumberId")!, r.GetString("from"), r.GetString("wamid"), r.GetDateTimeOffset("createdAt")!.Value)
    {
        Size = r.GetInt64("size"),
        Bucket = r.GetString("bucket"),
        Key = r.GetString("key"),
        Sha256Verified = r.GetBoolean("sha256Verified"),
        Attempts = r.GetInt32("attempts") ?? 0,
        AttemptStartedAt = r.GetDateTimeOffset("attemptStartedAt"),
        Error = r.GetString("error"),
        DownloadedAt = r.GetDateTimeOffset("downloadedAt"),
        FailedAt = r.GetDateTimeOffset("failedAt"),
    };
}
