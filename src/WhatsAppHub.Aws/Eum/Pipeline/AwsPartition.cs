namespace WhatsAppHub.Aws.Eum.Pipeline;

/// <summary>
/// The DNS suffixes of the AWS partitions, chosen by region name prefix (the SDK's partition data is
/// internal, and only the suffixes matter for this one service).
/// </summary>
internal sealed record AwsPartition(string DnsSuffix, string? DualStackDnsSuffix)
{
    private static readonly AwsPartition Aws = new("amazonaws.com", "api.aws");

    // Longest prefixes first so "us-isob-" is not taken for "us-iso-".
    private static readonly (string Prefix, AwsPartition Partition)[] ByPrefix =
    [
        ("cn-", new AwsPartition("amazonaws.com.cn", "api.amazonwebservices.com.cn")),
        ("us-gov-", new AwsPartition("amazonaws.com", "api.aws")),
        ("us-isob-", new AwsPartition("sc2s.sgov.gov", null)),
        ("us-isof-", new AwsPartition("csp.hci.ic.gov", null)),
        ("us-iso-", new AwsPartition("c2s.ic.gov", null)),
        ("eu-isoe-", new AwsPartition("cloud.adc-e.uk", null)),
    ];

    public static AwsPartition Of(string region)
    {
        foreach (var (prefix, partition) in ByPrefix)
        {
            if (region.StartsWith(prefix, StringComparison.Ordinal)) return partition;
        }
        return Aws;
    }
}
