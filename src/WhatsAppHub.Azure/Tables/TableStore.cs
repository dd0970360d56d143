using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using WhatsAppHub.Azure.Storage;

namespace WhatsAppHub.Azure.Tables;

/// <summary>The Table REST operations on one table.</summary>
internal sealed class TableStore : ITableStore
{
    private const int MaxBatchActions = 100;
    private const int MaxBatchBytes = 4 * 1024 * 1024;
    private static readonly RequestMethod Merge = new("MERGE");
    private static readonly string[] SystemProperties = ["PartitionKey", "RowKey", "Timestamp"];

    private readonly HttpPipeline _pipeline;
    private readonly string _endpoint;
    private readonly string _tableUri;

    public TableStore(HttpPipeline pipeline, string endpoint, string name)
    {
        _pipeline = pipeline;
        _endpoint = endpoint;
        Name = name;
        _tableUri = endpoint + "/" + name;
    }

    public string Name { get; }

    public Task CreateIfNotExistsAsync(CancellationToken ct = default)
    {
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name });
        return _pipeline.SendAsync(RequestMethod.Post, _endpoint + "/Tables", r => PrepareWrite(r, body), response =>
        {
            // 409 TableAlreadyExists is the "already there" answer; any other 409 (being deleted) is a failure.
            if (response.Status is 201 or 204 || (response.Status == 409 && IsTableAlreadyExists(response)))
            {
                return true;
            }

            throw StorageErrorReader.CreateException(response, $"Create table '{Name}'");
        }, ct);
    }

    public async Task<bool> InsertIfAbsentAsync(TableRow row, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        TableRowLimits.Validate(row);
        byte[] body = TableRowJson.Serialize(row);
        string? etag = await _pipeline.SendAsync(RequestMethod.Post, _tableUri, r => PrepareWrite(r, body), response => response.Status switch
        {
            201 or 204 => ReadETag(response),
            409 => null,
            _ => throw CreateException(response, "Insert into", row),
        }, ct).ConfigureAwait(false);

        if (etag is null)
        {
            return false;
        }

        row.ETag = etag;
        return true;
    }

    public Task<string> UpsertAsync(TableRow row, TableUpdateMode mode, CancellationToken ct = default) =>
        WriteEntityAsync(row, ifMatch: null, mode, mode == TableUpdateMode.Merge ? "Upsert (merge) into" : "Upsert (replace) into", ct);

    public Task<string> UpdateAsync(TableRow row, string ifMatch, TableUpdateMode mode, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        return WriteEntityAsync(row, ifMatch, mode, mode == TableUpdateMode.Merge ? "Update (merge) in" : "Update (replace) in", ct);
    }

    public Task<TableRow?> GetAsync(string partitionKey, string rowKey, CancellationToken ct = default)
    {
        TableRowLimits.ValidateKey(nameof(TableRow.PartitionKey), partitionKey);
        TableRowLimits.ValidateKey(nameof(TableRow.RowKey), rowKey);
        return _pipeline.SendAsync(RequestMethod.Get, EntityUri(partitionKey, rowKey), PrepareRead, response =>
        {
            if (response.Status == 200)
            {
                using var document = JsonDocument.Parse(response.Content.ToMemory());
                return TableRowJson.Read(document.RootElement, ReadETag(response));
            }

            if (IsMissingRow(response))
            {
                return null;
            }

            throw StorageErrorReader.CreateException(response, $"Get from table '{Name}'");
        }, ct);
    }

    public Task<bool> DeleteAsync(string partitionKey, string rowKey, string ifMatch = "*", CancellationToken ct = default)
    {
        TableRowLimits.ValidateKey(nameof(TableRow.PartitionKey), partitionKey);
        TableRowLimits.ValidateKey(nameof(TableRow.RowKey), rowKey);
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        return _pipeline.SendAsync(RequestMethod.Delete, EntityUri(partitionKey, rowKey), r =>
        {
            PrepareRead(r);
            r.Headers.SetValue("If-Match", ifMatch);
        }, response => response.Status switch
        {
            204 or 200 => true,
            412 => throw ConcurrencyException(response, $"Delete from table '{Name}'"),
            _ when IsMissingRow(response) => false,
            _ => throw StorageErrorReader.CreateException(response, $"Delete from table '{Name}'"),
        }, ct);
    }

    public Task<TablePage> QueryAsync(TableQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Top is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Top, "TableQuery.Top must be 1 to 1000.");
        }

        var uri = new StringBuilder(_tableUri).Append("()");
        char separator = '?';
        void Append(string name, string value)
        {
            uri.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        if (query.BuildFilter() is { } filter)
        {
            Append("$filter", filter);
        }

        if (query.Top is { } top)
        {
            Append("$top", top.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (query.Select is { Count: > 0 } select)
        {
            // $select returns only what is named (Azurite drops even the keys), so the keys and
            // Timestamp are always added: a row without its keys cannot be updated or continued.
            Append("$select", string.Join(',', SystemProperties.Concat(select).Distinct(StringComparer.Ordinal)));
        }

        if (query.Continuation is { } continuation)
        {
            Append("NextPartitionKey", continuation.NextPartitionKey);
            if (continuation.NextRowKey is not null)
            {
                Append("NextRowKey", continuation.NextRowKey);
            }
        }

        return _pipeline.SendAsync(RequestMethod.Get, uri.ToString(), PrepareRead, response =>
        {
            if (response.Status != 200)
            {
                throw StorageErrorReader.CreateException(response, $"Query table '{Name}'");
            }

            using var document = JsonDocument.Parse(response.Content.ToMemory());
            var rows = new List<TableRow>();
            if (document.RootElement.TryGetProperty("value", out JsonElement value))
            {
                foreach (JsonElement entity in value.EnumerateArray())
                {
                    rows.Add(TableRowJson.Read(entity));
                }
            }

            string? nextPartition = StorageErrorReader.ReadHeader(response, "x-ms-continuation-NextPartitionKey");
            TableContinuation? next = nextPartition is null
                ? null
                : new TableContinuation(nextPartition, StorageErrorReader.ReadHeader(response, "x-ms-continuation-NextRowKey"));
            return new TablePage(rows, next);
        }, ct);
    }

    public async Task<IReadOnlyList<string>> SubmitBatchAsync(IReadOnlyList<TableBatchAction> actions, CancellationToken ct = default)
    {
        ValidateBatch(actions);
        var content = new TableBatchContent();
        byte[] body = content.Build(actions, _tableUri, EntityUri);
        if (body.Length > MaxBatchBytes)
        {
            throw new ArgumentException($"The batch is {body.Length} bytes; a Table Storage transaction allows {MaxBatchBytes}.", nameof(actions));
        }

        return await _pipeline.SendAsync(RequestMethod.Post, _endpoint + "/$batch", r =>
        {
            r.Headers.SetValue("Accept", TableHeaders.Accept);
            r.Headers.SetValue("DataServiceVersion", TableHeaders.DataServiceVersion);
            r.Headers.SetValue("MaxDataServiceVersion", TableHeaders.DataServiceVersion);
            r.Headers.SetValue("Content-Type", content.ContentType);
            r.Content = RequestContent.Create(body);
        }, response => ReadBatchResponse(response, actions.Count), ct).ConfigureAwait(false);
    }

    private IReadOnlyList<string> ReadBatchResponse(Response response, int actionCount)
    {
        string operation = $"Batch on table '{Name}'";
        string? requestId = StorageErrorReader.ReadHeader(response, "x-ms-request-id");
        if (response.Status != 202)
        {
            // The whole batch was refused before any action ran (malformed, mixed partitions, ...).
            throw StorageErrorReader.CreateException(response, operation, (code, id, message) =>
                new TableBatchException(response.Status, code, id,
                    TableBatchResponse.FailedIndex(StorageErrorReader.ReadBody(response.Content).Message, new Dictionary<string, string>()), message));
        }

        string contentType = StorageErrorReader.ReadHeader(response, "Content-Type") ?? "";
        IReadOnlyList<TableBatchResponse.Part> parts = TableBatchResponse.Read(contentType, response.Content.ToString());
        TableBatchResponse.Part? failed = parts.FirstOrDefault(p => p.Status >= 300);
        if (failed is not null)
        {
            var body = BinaryData.FromString(failed.Body);
            (string? bodyCode, string? serviceMessage) = StorageErrorReader.ReadBody(body);
            int? index = TableBatchResponse.FailedIndex(serviceMessage, failed.Headers);
            throw StorageErrorReader.CreateException(failed.Status, bodyCode, requestId, body,
                index is null ? operation : $"{operation} (action {index})",
                (code, id, message) => new TableBatchException(failed.Status, code, id, index, message));
        }

        if (parts.Count != actionCount)
        {
            throw new StorageRequestException(response.Status, null, requestId,
                $"{operation}: the service answered {parts.Count} results for {actionCount} actions.");
        }

        return parts.Select(p => p.Headers.TryGetValue("ETag", out string? etag) ? etag : "").ToList();
    }

    private static void ValidateBatch(IReadOnlyList<TableBatchAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > MaxBatchActions)
        {
            throw new ArgumentException($"A batch holds 1 to {MaxBatchActions} actions, not {actions.Count}.", nameof(actions));
        }

        string partition = actions[0].Row.PartitionKey;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < actions.Count; i++)
        {
            TableRow row = actions[i].Row;
            if (!string.Equals(row.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Batch action {i} is in partition '{row.PartitionKey}'; every action must be in '{partition}'.", nameof(actions));
            }

            if (!seen.Add(row.RowKey))
            {
                throw new ArgumentException($"Batch action {i} touches row '{row.RowKey}' a second time; a batch may touch each row once.", nameof(actions));
            }

            if (actions[i].Kind == TableBatchActionKind.Delete)
            {
                TableRowLimits.ValidateKey(nameof(TableRow.PartitionKey), row.PartitionKey);
                TableRowLimits.ValidateKey(nameof(TableRow.RowKey), row.RowKey);
            }
            else
            {
                TableRowLimits.Validate(row);
            }
        }
    }

    private async Task<string> WriteEntityAsync(TableRow row, string? ifMatch, TableUpdateMode mode, string verb, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        TableRowLimits.Validate(row);
        byte[] body = TableRowJson.Serialize(row);
        RequestMethod method = mode == TableUpdateMode.Merge ? Merge : RequestMethod.Put;
        string etag = await _pipeline.SendAsync(method, EntityUri(row.PartitionKey, row.RowKey), r =>
        {
            PrepareWrite(r, body);
            // Without If-Match, PUT and MERGE are Insert-Or-Replace / Insert-Or-Merge.
            if (ifMatch is not null)
            {
                r.Headers.SetValue("If-Match", ifMatch);
            }
        }, response => response.Status switch
        {
            204 or 200 => ReadETag(response) ?? "",
            412 => throw ConcurrencyException(response, $"{verb} table '{Name}'"),
            _ => throw CreateException(response, verb, row),
        }, ct).ConfigureAwait(false);

        row.ETag = etag;
        return etag;
    }

    /// <summary>
    /// <c>{table}(PartitionKey='..',RowKey='..')</c>: quotes doubled (OData literal), then every
    /// character outside the unreserved set percent-encoded, so '+', '%', '|', '=' and unicode survive.
    /// </summary>
    private string EntityUri(string partitionKey, string rowKey) =>
        $"{_tableUri}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')";

    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    private static void PrepareRead(Request request)
    {
        request.Headers.SetValue("Accept", TableHeaders.Accept);
        request.Headers.SetValue("DataServiceVersion", TableHeaders.DataServiceVersion);
        request.Headers.SetValue("MaxDataServiceVersion", TableHeaders.DataServiceVersion);
    }

    private static void PrepareWrite(Request request, byte[] body)
    {
        PrepareRead(request);
        request.Headers.SetValue("Content-Type", TableHeaders.JsonContentType);
        // Do not echo the entity back; the ETag header is all we need.
        request.Headers.SetValue("Prefer", "return-no-content");
        request.Content = RequestContent.Create(body);
    }

    private static string? ReadETag(Response response) => StorageErrorReader.ReadHeader(response, "ETag");

    // A missing row is 404 ResourceNotFound; a missing table (404 TableNotFound) is a real error,
    // not an empty answer, so it is not swallowed.
    private static bool IsMissingRow(Response response) =>
        response.Status == 404 && StorageErrorReader.ReadHeader(response, "x-ms-error-code") != "TableNotFound"
        && StorageErrorReader.ReadBody(response.Content).Code != "TableNotFound";

    private static bool IsTableAlreadyExists(Response response) =>
        (StorageErrorReader.ReadHeader(response, "x-ms-error-code") ?? StorageErrorReader.ReadBody(response.Content).Code) is null or "TableAlreadyExists";

    private StorageRequestException CreateException(Response response, string verb, TableRow row) =>
        StorageErrorReader.CreateException(response, $"{verb} table '{Name}' ({row.PartitionKey}, {row.RowKey})");

    private static TableConcurrencyException ConcurrencyException(Response response, string operation) =>
        StorageErrorReader.CreateException(response, operation, (code, id, message) => new TableConcurrencyException(code, id, message));
}
