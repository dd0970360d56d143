using Amazon.Runtime;

namespace WhatsAppHub.Aws.Media;

/// <summary>Where the media bucket is and how to reach it.</summary>
/// <param name="ServiceUrl">An S3-compatible endpoint (s3rver locally); null on AWS, where <paramref name="Region"/> decides.</param>
public sealed record S3MediaStoreOptions(string Bucket, string Region, Uri? ServiceUrl, AWSCredentials Credentials, TimeSpan Timeout);
