using Azure.Core.Pipeline;
using WhatsAppHub.Azure.Storage;

namespace WhatsAppHub.Azure.Queues;

/// <summary>The Queue service of one storage account; hands out <see cref="IWorkQueue"/>s sharing one pipeline.</summary>
public sealed class QueueService
{
    private readonly HttpPipeline _pipeline;
    private readonly QueueServiceOptions _options;
    private readonly string _endpoint;

    public QueueService(StorageConnection connection, QueueServiceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _options = options ?? new QueueServiceOptions();
        _pipeline = StoragePipeline.Build(connection, _options, QueueStringToSign.Build);
        _endpoint = connection.QueueEndpoint.AbsoluteUri.TrimEnd('/');
        Connection = connection;
    }

    public StorageConnection Connection { get; }

    public IWorkQueue GetQueue(string queueName) => new WorkQueue(_pipeline, _endpoint, QueueNames.Validate(queueName));

    /// <summary>
    /// A cheap reachability and authorization check for health endpoints: lists at most one queue.
    /// One attempt, no retries, <see cref="QueueServiceOptions.PingTimeout"/>; false on any failure.
    /// </summary>
    public Task<bool> PingAsync(CancellationToken cancellationToken = default) =>
        StoragePing.SendAsync(_pipeline, new Uri(_endpoint + "/?comp=list&maxresults=1"), _options.PingTimeout, null, cancellationToken);
}
