using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Core.Media;
using WhatsAppHub.Core.Storage;
using WhatsAppHub.Functions.Storage;

namespace WhatsAppHub.Functions.Media;

/// <summary>MEDIA_UPLOAD rows (<c>MEDIA|{hub media id}</c> / <c>MEDIA_UPLOAD</c>) in the <c>Media</c> table.</summary>
public sealed class MediaUploadStore(TableService tables)
{
    private const string RowKey = ItemType.MediaUpload;

    private readonly ITableStore _table = tables.GetTable(HubTables.Media);

    public Task InsertAsync(MediaUpload upload, CancellationToken cancellationToken) =>
        _table.InsertIfAbsentAsync(ToRow(upload), cancellationToken);

    /// <summary>The upload with this hub media id (deleted ones included), or null.</summary>
    public async Task<(MediaUpload Upload, string ETag)?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!HubMediaId.IsHubMediaId(id)) return null;
        var row = await _table.GetAsync(Key(id), RowKey, cancellationToken);
        return row is null ? null : (FromRow(row), row.ETag!);
    }

    /// <summary>Marks the upload deleted, unless it changed since it was read (then false: read it again).</summary>
    public async Task<bool> MarkDeletedAsync(MediaUpload upload, string etag, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await _table.UpdateAsync(ToRow(upload with { DeletedAt = at }), etag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (TableConcurrencyException)
        {
            return false;
        }
    }

    private static string Key(string id) => StorageKey.Compose("MEDIA", id);

    private static TableRow ToRow(MediaUpload u)
    {
        var row = new TableRow(Key(u.Id), RowKey);
        row.Set(ItemType.PropertyName, ItemType.MediaUpload);
        row.Set("mediaId", u.Id);
        row.Set("whatsAppMediaId", u.WhatsAppMediaId);
        row.Set("mediaType", u.MediaType);
        row.Set("mimeType", u.MimeType);
        row.Set("size", u.Size);
        row.Set("sha256", u.Sha256);
        row.Set("fileName", u.FileName);
        row.Set("phoneNumberId", u.PhoneNumberId);
        row.Set("bucket", u.Bucket);
        row.Set("key", u.Key);
        row.Set("createdAt", u.CreatedAt);
        row.Set("deletedAt", u.DeletedAt);
        return row;
    }

    private static MediaUpload FromRow(TableRow r) => new(
        r.GetString("mediaId")!, r.GetString("whatsAppMediaId")!, r.GetString("mediaType")!, r.GetString("mimeType")!,
        r.GetInt64("size") ?? 0, r.GetString("sha256")!, r.GetString("fileName"), r.GetString("phoneNumberId")!,
        r.GetString("bucket")!, r.GetString("key")!, r.GetDateTimeOffset("createdAt")!.Value, r.GetDateTimeOffset("deletedAt"));
}
