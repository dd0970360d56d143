using Azure.Core;

namespace WhatsAppHub.Azure.Storage;

/// <summary>
/// Where a storage account's Table and Queue services live and how to authenticate to them:
/// either the account's shared key (connection strings, Azurite) or an Entra <see cref="TokenCredential"/>.
/// </summary>
public sealed class StorageConnection
{
    /// <summary>Azurite's public, well-known development account.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    // Public and documented by Microsoft for the storage emulators; not a secret.
    internal const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private StorageConnection(Uri tableEndpoint, Uri queueEndpoint, string accountName, StorageAccountKey? sharedKey, TokenCredential? credential)
    {
        TableEndpoint = tableEndpoint;
        QueueEndpoint = queueEndpoint;
        AccountName = accountName;
        SharedKey = sharedKey;
        Credential = credential;
    }

    /// <summary>The Table service endpoint, e.g. <c>https://acct.table.core.windows.net</c> or <c>http://127.0.0.1:10002/devstoreaccount1</c>.</summary>
    public Uri TableEndpoint { get; }

    /// <summary>The Queue service endpoint.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>The storage account name.</summary>
    public string AccountName { get; }

    /// <summary>True for the local emulator's well-known account (Azurite), false for Azure Storage.</summary>
    public bool IsEmulator => AccountName == DevelopmentAccountName;

    /// <summary>True when requests are signed with the account key; false when an Entra token is used.</summary>
    public bool UsesSharedKey => SharedKey is not null;

    internal StorageAccountKey? SharedKey { get; }

    internal TokenCredential? Credential { get; }

    /// <summary>
    /// Parses a storage connection string: <c>UseDevelopmentStorage=true</c> (optionally with
    /// <c>DevelopmentStorageProxyUri</c>), the account form
    /// <c>DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=...</c>, or
    /// explicit <c>TableEndpoint=...;QueueEndpoint=...</c> with <c>AccountName</c> and <c>AccountKey</c>.
    /// </summary>
    /// <exception cref="FormatException">The string is malformed or misses a required part. The
    /// message names the part and never contains the account key.</exception>
    public static StorageConnection Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var settings = ConnectionStringSettings.Parse(connectionString);

        if (settings.TryGet("UseDevelopmentStorage", out string? useDevelopment))
        {
            return ParseDevelopmentStorage(settings, useDevelopment);
        }

        if (settings.Contains("SharedAccessSignature"))
        {
            throw new FormatException("Storage connection string: SharedAccessSignature is not supported; use AccountName and AccountKey, or a token credential.");
        }

        string accountName = settings.Require("AccountName");
        string accountKey = settings.Require("AccountKey");
        string protocol = settings.GetOrDefault("DefaultEndpointsProtocol", "https");
        if (!protocol.Equals("https", StringComparison.OrdinalIgnoreCase) && !protocol.Equals("http", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"Storage connection string: DefaultEndpointsProtocol must be 'http' or 'https', not '{protocol}'.");
        }

        string suffix = settings.GetOrDefault("EndpointSuffix", "core.windows.net");
        Uri tableEndpoint = settings.TryGet("TableEndpoint", out string? table)
            ? ParseEndpoint("TableEndpoint", table)
            : ParseEndpoint("EndpointSuffix", $"{protocol.ToLowerInvariant()}://{accountName}.table.{suffix}");
        Uri queueEndpoint = settings.TryGet("QueueEndpoint", out string? queue)
            ? ParseEndpoint("QueueEndpoint", queue)
            : ParseEndpoint("EndpointSuffix", $"{protocol.ToLowerInvariant()}://{accountName}.queue.{suffix}");

        return new StorageConnection(tableEndpoint, queueEndpoint, accountName, StorageAccountKey.Create(accountName, accountKey), credential: null);
    }

    /// <summary>A connection that authenticates with an Entra token (scope <c>https://storage.azure.com/.default</c>).</summary>
    public static StorageConnection FromTokenCredential(Uri tableEndpoint, Uri queueEndpoint, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(tableEndpoint);
        ArgumentNullException.ThrowIfNull(queueEndpoint);
        ArgumentNullException.ThrowIfNull(credential);
        // Azure.Core refuses to send bearer tokens over plain http, so say so here rather than at
        // the first request. (Azurite accepts OAuth only over https with --oauth basic.)
        foreach (var (name, endpoint) in new[] { (nameof(tableEndpoint), tableEndpoint), (nameof(queueEndpoint), queueEndpoint) })
        {
            if (!endpoint.IsAbsoluteUri || endpoint.Scheme != Uri.UriSchemeHttps)
            {
                throw new ArgumentException($"Token authentication needs an absolute https endpoint; {name} is '{endpoint}'.", name);
            }
        }

        return new StorageConnection(tableEndpoint, queueEndpoint, AccountNameFromEndpoint(tableEndpoint), sharedKey: null, credential);
    }

    /// <summary>Describes the connection without any secret.</summary>
    public override string ToString() =>
        $"StorageConnection(Account={AccountName}, Table={TableEndpoint}, Queue={QueueEndpoint}, Auth={(UsesSharedKey ? "SharedKey" : "Token")})";

    private static StorageConnection ParseDevelopmentStorage(ConnectionStringSettings settings, string useDevelopment)
    {
        if (!useDevelopment.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"Storage connection string: UseDevelopmentStorage must be 'true', not '{useDevelopment}'.");
        }

        // The emulator listens on fixed ports of the proxy host (127.0.0.1 by default), path-style.
        Uri proxy = settings.TryGet("DevelopmentStorageProxyUri", out string? proxyText)
            ? ParseEndpoint("DevelopmentStorageProxyUri", proxyText)
            : new Uri("http://127.0.0.1");
        string origin = $"{proxy.Scheme}://{proxy.IdnHost}";

        return new StorageConnection(
            new Uri($"{origin}:10002/{DevelopmentAccountName}"),
            new Uri($"{origin}:10001/{DevelopmentAccountName}"),
            DevelopmentAccountName,
            StorageAccountKey.Create(DevelopmentAccountName, DevelopmentAccountKey),
            credential: null);
    }

    private static Uri ParseEndpoint(string part, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new FormatException($"Storage connection string: {part} must be an absolute http(s) URI.");
        }

        return uri;
    }

    // https://acct.table.core.windows.net → acct; http://127.0.0.1:10002/devstoreaccount1 → devstoreaccount1
    // (path-style URLs are what Azurite and IP endpoints use).
    private static string AccountNameFromEndpoint(Uri endpoint)
    {
        string firstSegment = endpoint.AbsolutePath.Trim('/').Split('/')[0];
        if (endpoint.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || endpoint.IsLoopback)
        {
            return firstSegment;
        }

        return endpoint.Host.Split('.')[0];
    }
}
