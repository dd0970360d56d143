using System.Net;
using Amazon;
using Amazon.S3;
using Amazon.S3.Model;

namespace WhatsAppHub.Aws.Media;

/// <summary><see cref="IMediaStore"/> on AWSSDK.S3: AWS S3, or an S3-compatible server such as s3rver for local runs.</summary>
public sealed class S3MediaStore : IMediaStore, IDisposable
{
    private readonly AmazonS3Client _s3;
    private readonly bool _plainHttp;

    public S3MediaStore(S3MediaStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Bucket = options.Bucket;
        var config = new AmazonS3Config { Timeout = options.Timeout };
        if (options.ServiceUrl is { } serviceUrl)
        {
            // Local S3 servers answer on one host name, not on bucket sub-domains.
            config.ServiceURL = serviceUrl.ToString();
            config.ForcePathStyle = true;
            config.AuthenticationRegion = options.Region;
            _plainHttp = serviceUrl.Scheme == Uri.UriSchemeHttp;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        _s3 = new AmazonS3Client(options.Credentials, config);
    }

    public string Bucket { get; }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        var request = new PutObjectRequest
        {
            BucketName = Bucket,
            Key = key,
            InputStream = content,
            ContentType = contentType,
            AutoCloseStream = false,
            // AWSSDK.S3 v4 sends aws-chunked bodies by default; S3-compatible servers (s3rver) store the chunk
            // framing as the content. A plain signed body works everywhere.
            UseChunkEncoding = false,
        };
        await _s3.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredObject?> HeadAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            var head = await _s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            return new StoredObject(key, head.ContentLength, head.Headers.ContentType);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = Bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        // S3 answers 204 for a key that does not exist, so a repeated delete succeeds.
        await _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = key }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Uri> PresignGetAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var url = await _s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = Bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow.Add(lifetime),
            Protocol = _plainHttp ? Protocol.HTTP : Protocol.HTTPS,
        }).ConfigureAwait(false);
        return new Uri(url);
    }

    public void Dispose() => _s3.Dispose();
}
