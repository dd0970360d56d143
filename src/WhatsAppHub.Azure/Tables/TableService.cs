using Azure.Core.Pipeline;
using WhatsAppHub.Azure.Storage;

namespace WhatsAppHub.Azure.Tables;

/// <summary>The Table service of one storage account; hands out <see cref="ITableStore"/>s sharing one pipeline.</summary>
public sealed class TableService
{
    private readonly HttpPipeline _pipeline;
    private readonly TableServiceOptions _options;
    private readonly string _endpoint;

    public TableService(StorageConnection connection, TableServiceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _options = options ?? new TableServiceOptions();
        _pipeline = StoragePipeline.Build(connection, _options, TableStringToSign.Build);
        _endpoint = connection.TableEndpoint.AbsoluteUri.TrimEnd('/');
        Connection = connection;
    }

    public StorageConnection Connection { get; }

    public ITableStore GetTable(string tableName) => new TableStore(_pipeline, _endpoint, TableNames.Validate(tableName));

    /// <summary>
    /// A cheap reachability and authorization check for health endpoints: lists at most one table.
    /// One attempt, no retries, <see cref="TableServiceOptions.PingTimeout"/>; false on any failure.
    /// </summary>
    public Task<bool> PingAsync(CancellationToken cancellationToken = default) =>
        StoragePing.SendAsync(_pipeline, new Uri(_endpoint + "/Tables?$top=1"), _options.PingTimeout, request =>
            {
                request.Headers.SetValue("Accept", TableHeaders.Accept);
                request.Headers.SetValue("DataServiceVersion", TableHeaders.DataServiceVersion);
            }, cancellationToken);
}
