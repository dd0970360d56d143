using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using WhatsAppHub.Azure.Storage;

namespace WhatsAppHub.Azure.Queues;

/// <summary>The Queue REST operations on one queue.</summary>
internal sealed class WorkQueue : IWorkQueue
{
    private const int MaxMessagesPerCall = 32;
    private static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);

    private readonly HttpPipeline _pipeline;
    private readonly string _queueUri;

    public WorkQueue(HttpPipeline pipeline, string endpoint, string name)
    {
        _pipeline = pipeline;
        Name = name;
        _queueUri = endpoint + "/" + name;
    }

    public string Name { get; }

    public Task CreateIfNotExistsAsync(CancellationToken ct = default) =>
        // 201 created, 204 already exists with the same (empty) metadata; 409 QueueAlreadyExists only
        // when metadata differs, which still means the queue is there.
        _pipeline.SendAsync(RequestMethod.Put, _queueUri, null, response => response.Status switch
        {
            201 or 204 => true,
            409 when ErrorCode(response) == "QueueAlreadyExists" => true,
            _ => throw StorageErrorReader.CreateException(response, $"Create queue '{Name}'"),
        }, ct);

    public Task<QueueReceipt> PutAsync(string message, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken ct = default)
    {
        string encoded = QueueMessageText.Encode(message);
        var query = new QueryBuilder();
        if (timeToLive is { } ttl)
        {
            if (ttl == Timeout.InfiniteTimeSpan)
            {
                query.Add("messagettl", "-1");
            }
            else if (ttl < TimeSpan.FromSeconds(1))
            {
                throw new ArgumentOutOfRangeException(nameof(timeToLive), ttl, "A queue message lives at least 1 second (or forever: Timeout.InfiniteTimeSpan).");
            }
            else
            {
                query.Add("messagettl", Seconds(ttl));
            }
        }

        if (visibilityDelay is { } delay)
        {
            if (delay < TimeSpan.Zero || delay > MaxVisibility)
            {
                throw new ArgumentOutOfRangeException(nameof(visibilityDelay), delay, "A visibility delay is 0 to 7 days.");
            }

            if (timeToLive is { } life && life != Timeout.InfiniteTimeSpan && delay >= life)
            {
                throw new ArgumentOutOfRangeException(nameof(visibilityDelay), delay, "The visibility delay must be shorter than the time to live.");
            }

            query.Add("visibilitytimeout", Seconds(delay));
        }

        byte[] body = MessageBody(encoded);
        return _pipeline.SendAsync(RequestMethod.Post, _queueUri + "/messages" + query, r => PrepareXml(r, body), response =>
        {
            if (response.Status != 201)
            {
                throw StorageErrorReader.CreateException(response, $"Put message on queue '{Name}'");
            }

            XElement item = Messages(response).FirstOrDefault()
                ?? throw new StorageRequestException(response.Status, null, RequestId(response), $"Put message on queue '{Name}': the service returned no message.");
            return new QueueReceipt(
                Value(item, "MessageId"),
                Value(item, "PopReceipt"),
                Time(item, "TimeNextVisible") ?? DateTimeOffset.UtcNow,
                Time(item, "InsertionTime"),
                Time(item, "ExpirationTime"));
        }, ct);
    }

    public Task<IReadOnlyList<QueueMessage>> GetAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken ct = default)
    {
        CheckCount(maxMessages);
        CheckVisibility(visibilityTimeout, minimum: TimeSpan.FromSeconds(1));
        var query = new QueryBuilder()
            .Add("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture))
            .Add("visibilitytimeout", Seconds(visibilityTimeout));
        return _pipeline.SendAsync(RequestMethod.Get, _queueUri + "/messages" + query, null, response =>
        {
            if (response.Status != 200)
            {
                throw StorageErrorReader.CreateException(response, $"Get messages from queue '{Name}'");
            }

            return (IReadOnlyList<QueueMessage>)Messages(response).Select(item => new QueueMessage(
                Value(item, "MessageId"),
                Value(item, "PopReceipt"),
                QueueMessageText.Decode(Value(item, "MessageText")),
                long.Parse(Value(item, "DequeueCount"), CultureInfo.InvariantCulture),
                Time(item, "InsertionTime") ?? default,
                Time(item, "ExpirationTime"),
                Time(item, "TimeNextVisible") ?? default)).ToList();
        }, ct);
    }

    public Task<bool> DeleteAsync(string messageId, string popReceipt, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        string uri = MessageUri(messageId) + new QueryBuilder().Add("popreceipt", popReceipt);
        return _pipeline.SendAsync(RequestMethod.Delete, uri, null, response => response.Status switch
        {
            204 or 200 => true,
            // Gone (deleted, expired): 404 MessageNotFound. Re-dequeued by another consumer or
            // updated (receipt replaced): 400 PopReceiptMismatch, from Azure and Azurite alike.
            404 => false,
            400 when ErrorCode(response) == "PopReceiptMismatch" => false,
            _ => throw StorageErrorReader.CreateException(response, $"Delete message from queue '{Name}'"),
        }, ct);
    }

    public Task<QueueReceipt> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken ct = default) =>
        UpdateVisibilityAsync(messageId, popReceipt, visibilityTimeout, newMessage: null, ct);

    public Task<QueueReceipt> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, string? newMessage, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        CheckVisibility(visibilityTimeout, minimum: TimeSpan.Zero);
        byte[]? body = newMessage is null ? null : MessageBody(QueueMessageText.Encode(newMessage));
        string uri = MessageUri(messageId) + new QueryBuilder()
            .Add("popreceipt", popReceipt)
            .Add("visibilitytimeout", Seconds(visibilityTimeout));
        return _pipeline.SendAsync(RequestMethod.Put, uri, r =>
        {
            if (body is not null)
            {
                PrepareXml(r, body);
            }
        }, response =>
        {
            if (response.Status != 204)
            {
                throw StorageErrorReader.CreateException(response, $"Update message on queue '{Name}'");
            }

            string receipt = StorageErrorReader.ReadHeader(response, "x-ms-popreceipt")
                ?? throw new StorageRequestException(response.Status, null, RequestId(response), $"Update message on queue '{Name}': no new pop receipt.");
            DateTimeOffset nextVisible = ParseTime(StorageErrorReader.ReadHeader(response, "x-ms-time-next-visible")) ?? DateTimeOffset.UtcNow + visibilityTimeout;
            return new QueueReceipt(messageId, receipt, nextVisible);
        }, ct);
    }

    public Task<IReadOnlyList<PeekedQueueMessage>> PeekAsync(int maxMessages, CancellationToken ct = default)
    {
        CheckCount(maxMessages);
        var query = new QueryBuilder()
            .Add("peekonly", "true")
            .Add("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture));
        return _pipeline.SendAsync(RequestMethod.Get, _queueUri + "/messages" + query, null, response =>
        {
            if (response.Status != 200)
            {
                throw StorageErrorReader.CreateException(response, $"Peek messages on queue '{Name}'");
            }

            return (IReadOnlyList<PeekedQueueMessage>)Messages(response).Select(item => new PeekedQueueMessage(
                Value(item, "MessageId"),
                QueueMessageText.Decode(Value(item, "MessageText")),
                long.Parse(Value(item, "DequeueCount"), CultureInfo.InvariantCulture),
                Time(item, "InsertionTime") ?? default,
                Time(item, "ExpirationTime"))).ToList();
        }, ct);
    }

    public Task<int> GetApproximateLengthAsync(CancellationToken ct = default) =>
        _pipeline.SendAsync(RequestMethod.Get, _queueUri + "?comp=metadata", null, response =>
        {
            if (response.Status != 200)
            {
                throw StorageErrorReader.CreateException(response, $"Get metadata of queue '{Name}'");
            }

            string? count = StorageErrorReader.ReadHeader(response, "x-ms-approximate-messages-count");
            return count is null ? 0 : int.Parse(count, CultureInfo.InvariantCulture);
        }, ct);

    private string MessageUri(string messageId) => _queueUri + "/messages/" + Uri.EscapeDataString(messageId);

    private static byte[] MessageBody(string encodedText) =>
        // Base64 holds no XML-special characters, so the text goes in verbatim.
        Encoding.UTF8.GetBytes($"<QueueMessage><MessageText>{encodedText}</MessageText></QueueMessage>");

    private static void PrepareXml(Request request, byte[] body)
    {
        request.Headers.SetValue("Content-Type", "application/xml");
        request.Content = RequestContent.Create(body);
    }

    private static IEnumerable<XElement> Messages(Response response) =>
        XElement.Parse(response.Content.ToString()).Elements("QueueMessage");

    private static string Value(XElement item, string name) => item.Element(name)?.Value ?? "";

    private static DateTimeOffset? Time(XElement item, string name) => ParseTime(item.Element(name)?.Value);

    // The Queue service writes RFC 1123 dates ("Sun, 22 Nov 2026 01:42:12 GMT").
    private static DateTimeOffset? ParseTime(string? text) =>
        DateTimeOffset.TryParseExact(text, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value)
            ? value
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value) ? value : null;

    private static string? ErrorCode(Response response) =>
        StorageErrorReader.ReadHeader(response, "x-ms-error-code") ?? StorageErrorReader.ReadBody(response.Content).Code;

    private static string? RequestId(Response response) => StorageErrorReader.ReadHeader(response, "x-ms-request-id");

    private static string Seconds(TimeSpan value) =>
        ((long)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static void CheckCount(int maxMessages)
    {
        if (maxMessages is < 1 or > MaxMessagesPerCall)
        {
            throw new ArgumentOutOfRangeException(nameof(maxMessages), maxMessages, $"1 to {MaxMessagesPerCall} messages per call.");
        }
    }

    private static void CheckVisibility(TimeSpan visibilityTimeout, TimeSpan minimum)
    {
        if (visibilityTimeout < minimum || visibilityTimeout > MaxVisibility)
        {
            throw new ArgumentOutOfRangeException(nameof(visibilityTimeout), visibilityTimeout, $"The visibility timeout is {minimum.TotalSeconds:0} s to 7 days.");
        }
    }

    /// <summary>Builds <c>?a=1&amp;b=2</c> with escaped values (pop receipts hold '+', '/', '=').</summary>
    private sealed class QueryBuilder
    {
        private readonly StringBuilder _query = new();

        public QueryBuilder Add(string name, string value)
        {
            _query.Append(_query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            return this;
        }

        public override string ToString() => _query.ToString();
    }
}
