using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace WhatsAppHub.Azure.Storage;

/// <summary>
/// Stamps <c>x-ms-version</c> and a fresh <c>x-ms-date</c> on every attempt. It runs per retry, before
/// signing, because the signature covers the date and the service rejects stale dates (~15 min).
/// </summary>
internal sealed class StorageHeadersPolicy : HttpPipelineSynchronousPolicy
{
    /// <summary>
    /// A version both Azure and Azurite serve. Azurite 3.37 knows versions up to 2026-06-06 (and is
    /// run with --skipApiVersionCheck in tests anyway); 2024-11-04 is well inside both.
    /// </summary>
    public const string ApiVersion = "2024-11-04";

    private readonly TimeProvider _clock;

    public StorageHeadersPolicy(TimeProvider clock) => _clock = clock;

    public override void OnSendingRequest(HttpMessage message)
    {
        message.Request.Headers.SetValue("x-ms-version", ApiVersion);
        message.Request.Headers.SetValue("x-ms-date", _clock.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
    }
}
