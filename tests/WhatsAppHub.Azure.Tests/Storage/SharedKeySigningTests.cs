using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;

namespace WhatsAppHub.Azure.Tests.Storage;

/// <summary>
/// SharedKey signatures checked against string-to-sign values written out by hand here, from the
/// REST documentation, and an HMAC computed in the test. Azurite checks the same thing for real in
/// the integration tests.
/// </summary>
public class SharedKeySigningTests
{
    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly string ConnectionString =
        $"AccountName={Account};AccountKey={Key};TableEndpoint=http://127.0.0.1:10002/{Account};QueueEndpoint=http://127.0.0.1:10001/{Account}";

    private static string Hmac(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(Key), Encoding.UTF8.GetBytes(stringToSign)));

    [Fact]
    public void Hmac_of_a_fixed_string_matches_a_precomputed_value()
    {
        // Precomputed once with `printf 'GET\n\n\nSun, 11 Oct 2009 21:49:13 GMT\n/devstoreaccount1/devstoreaccount1/Tables' |
        //   openssl dgst -sha256 -mac HMAC -macopt hexkey:$(echo <Key> | base64 -d | xxd -p -c 256) -binary | base64`.
        var key = StorageAccountKeyFactory.Create(Account, Key);
        string stringToSign = "GET\n\n\nSun, 11 Oct 2009 21:49:13 GMT\n/devstoreaccount1/devstoreaccount1/Tables";
        Assert.Equal(Hmac(stringToSign), key.Sign(stringToSign));
        Assert.Equal(ExpectedFixedSignature, key.Sign(stringToSign));
    }

    // Filled from the openssl command in the comment above.
    private const string ExpectedFixedSignature = "SN334W2NJRJzvDKGEv60th4NYsvV4mrQq3CP3YJ2J88=";

    [Fact]
    public void Table_string_to_sign_is_verb_md5_type_date_and_resource_with_comp_only()
    {
        using var pipeline = new PipelineHarness();
        Request request = pipeline.CreateRequest();
        request.Method = RequestMethod.Get;
        request.Uri.Reset(new Uri("http://127.0.0.1:10002/devstoreaccount1/Tables?$top=1&comp=acl&timeout=5"));
        request.Headers.SetValue("x-ms-date", "Sun, 11 Oct 2009 21:49:13 GMT");
        request.Headers.SetValue("Content-Type", "application/json");
        request.Headers.SetValue("x-ms-version", "2024-11-04");

        Assert.Equal(
            "GET\n\napplication/json\nSun, 11 Oct 2009 21:49:13 GMT\n/devstoreaccount1/devstoreaccount1/Tables?comp=acl",
            TableStringToSign.Build(request, Account));
    }

    [Fact]
    public void Queue_string_to_sign_has_the_standard_headers_the_x_ms_headers_and_every_query_parameter()
    {
        using var pipeline = new PipelineHarness();
        Request request = pipeline.CreateRequest();
        request.Method = RequestMethod.Put;
        request.Uri.Reset(new Uri("http://127.0.0.1:10001/devstoreaccount1/jobs/messages/abc?VisibilityTimeout=30&popreceipt=AQ%2BB%2FC%3D%3D"));
        request.Headers.SetValue("x-ms-version", "2024-11-04");
        request.Headers.SetValue("X-MS-Date", "Sun, 11 Oct 2009 21:49:13 GMT");
        request.Headers.SetValue("x-ms-client-request-id", "  id-1 ");
        request.Headers.SetValue("Content-Type", "application/xml");
        request.Content = RequestContent.Create(new byte[12]);

        string expected =
            "PUT\n" +
            "\n" +          // Content-Encoding
            "\n" +          // Content-Language
            "12\n" +        // Content-Length
            "\n" +          // Content-MD5
            "application/xml\n" +
            "\n" +          // Date (x-ms-date is sent instead)
            "\n\n\n\n\n" +  // If-Modified-Since, If-Match, If-None-Match, If-Unmodified-Since, Range
            "x-ms-client-request-id:id-1\n" +
            "x-ms-date:Sun, 11 Oct 2009 21:49:13 GMT\n" +
            "x-ms-version:2024-11-04\n" +
            "/devstoreaccount1/devstoreaccount1/jobs/messages/abc\n" +
            "popreceipt:AQ+B/C==\n" +
            "visibilitytimeout:30";
        Assert.Equal(expected, QueueStringToSign.Build(request, Account));
    }

    [Fact]
    public async Task A_table_insert_is_signed_over_the_documented_string()
    {
        var handler = new CapturingHandler();
        var service = new TableService(StorageConnection.Parse(ConnectionString), new TableServiceOptions { Transport = new HttpClientTransport(handler) });
        await service.GetTable("orders").InsertIfAbsentAsync(new TableRow("p", "r").Set("A", 1));

        CapturedRequest sent = Assert.Single(handler.Requests);
        string date = sent.Header("x-ms-date");
        Assert.False(string.IsNullOrEmpty(date));
        Assert.Equal("2024-11-04", sent.Header("x-ms-version"));
        string stringToSign = $"POST\n\napplication/json\n{date}\n/{Account}/{Account}/orders";
        Assert.Equal($"SharedKey {Account}:{Hmac(stringToSign)}", sent.Header("Authorization"));
    }

    [Fact]
    public async Task A_table_entity_path_is_signed_percent_encoded_as_sent()
    {
        var handler = new CapturingHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound));
        var service = new TableService(StorageConnection.Parse(ConnectionString), new TableServiceOptions { Transport = new HttpClientTransport(handler) });
        await service.GetTable("orders").GetAsync("CONV|a%2F+b", "it's é");

        CapturedRequest sent = Assert.Single(handler.Requests);
        string path = $"/{Account}/orders(PartitionKey='CONV%7Ca%252F%2Bb',RowKey='it%27%27s%20%C3%A9')";
        Assert.Equal(path, sent.Uri.AbsolutePath);
        string stringToSign = $"GET\n\n\n{sent.Header("x-ms-date")}\n/{Account}{path}";
        Assert.Equal($"SharedKey {Account}:{Hmac(stringToSign)}", sent.Header("Authorization"));
    }

    [Fact]
    public async Task A_queue_put_is_signed_over_the_documented_string()
    {
        var handler = new CapturingHandler(_ => new HttpResponseMessage(HttpStatusCode.Created)
        {
            Content = new StringContent("<QueueMessagesList><QueueMessage><MessageId>m1</MessageId><PopReceipt>pr</PopReceipt>"
                + "<TimeNextVisible>Sun, 11 Oct 2009 21:49:13 GMT</TimeNextVisible></QueueMessage></QueueMessagesList>"),
        });
        var service = new QueueService(StorageConnection.Parse(ConnectionString), new QueueServiceOptions { Transport = new HttpClientTransport(handler) });
        QueueReceipt receipt = await service.GetQueue("jobs").PutAsync("hi", TimeSpan.FromSeconds(5), Timeout.InfiniteTimeSpan);
        Assert.Equal("m1", receipt.MessageId);

        CapturedRequest sent = Assert.Single(handler.Requests);
        Assert.Equal("<QueueMessage><MessageText>aGk=</MessageText></QueueMessage>", Encoding.UTF8.GetString(sent.Body));
        var xms = sent.Headers.Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .OrderBy(h => h.Key.ToLowerInvariant(), StringComparer.Ordinal)
            .Select(h => $"{h.Key.ToLowerInvariant()}:{h.Value}\n");
        Assert.Equal(["x-ms-client-request-id", "x-ms-date", "x-ms-return-client-request-id", "x-ms-version"],
            sent.Headers.Keys.Where(k => k.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase)).Select(k => k.ToLowerInvariant()).Order(StringComparer.Ordinal));
        string stringToSign =
            $"POST\n\n\n{sent.Body.Length}\n\napplication/xml\n\n\n\n\n\n\n" + string.Concat(xms) +
            $"/{Account}/{Account}/jobs/messages\nmessagettl:-1\nvisibilitytimeout:5";
        Assert.Equal($"SharedKey {Account}:{Hmac(stringToSign)}", sent.Header("Authorization"));
    }

    private sealed class PipelineHarness : IDisposable
    {
        private readonly HttpClientTransport _transport = new(new CapturingHandler());

        public Request CreateRequest() => _transport.CreateRequest();

        public void Dispose() => _transport.Dispose();
    }
}

/// <summary>Reaches the internal key type without exposing it publicly.</summary>
internal static class StorageAccountKeyFactory
{
    public static StorageAccountKey Create(string account, string key) => StorageAccountKey.Create(account, key);
}
