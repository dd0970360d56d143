namespace WhatsAppHub.Sandbox;

/// <summary>
/// Everything the sandbox can be told (section <c>Sandbox</c>: appsettings.json, env vars <c>Sandbox__X</c>,
/// or <c>--Sandbox:X=value</c>). The defaults here equal appsettings.json so that an in-process
/// host without that file behaves the same. All keys and the secret are fake local values:
/// they open nothing but this sandbox.
/// </summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";
    public const string DefaultUrl = "http://127.0.0.1:7072";

    // Credentials the SigV4 check accepts. Obviously fake, never valid on AWS.
    public string AccessKeyId { get; set; } = "AKIASANDBOX000000001";
    public string SecretAccessKey { get; set; } = "sandbox-local-secret-not-for-aws";

    public string Region { get; set; } = "us-east-1";
    public string AccountId { get; set; } = "123456789012";

    // The linked WABA and its one phone number (EUM ids, then Meta's numeric ids).
    public string WabaId { get; set; } = "waba-0123456789abcdef0123456789abcdef";
    public string WabaName { get; set; } = "WhatsAppHub Sandbox";
    public string PhoneNumberId { get; set; } = "phone-number-id-0123456789abcdef0123456789abcdef";
    public string DisplayPhoneNumber { get; set; } = "+1 555-010-0123";
    public string DisplayPhoneNumberName { get; set; } = "WhatsAppHub Sandbox";
    public string MetaPhoneNumberId { get; set; } = "106540352242922";
    public string MetaWabaId { get; set; } = "102290129340398";

    // The contact who writes in when POST /sandbox/inbound/{type} names no sender (the README's quick-start recipient).
    public string DemoContact { get; set; } = "+15555550100";
    public string DemoContactName { get; set; } = "Sam Demo";

    // SNS side: where status notifications go and how they are signed.
    public string HubEventsUrl { get; set; } = "http://127.0.0.1:7071/api/eum/events";
    public string Statuses { get; set; } = "sent,delivered,read";
    public int StatusDelayMs { get; set; } = 100;
    public string TopicArn { get; set; } = "arn:aws:sns:us-east-1:123456789012:whatsapphub-events";
    public int SnsSignatureVersion { get; set; } = 1;

    // SNS retries a failed HTTP delivery (5xx, timeout, connection error); real SNS waits 20 s
    // between 3 retries, which is too slow for local runs, so the sandbox backs off from 500 ms.
    public int SnsRetries { get; set; } = 3;
    public int SnsRetryDelayMs { get; set; } = 500;

    // Template review: -1 = new and edited templates are APPROVED at once; from 0 they start PENDING and are
    // approved this many ms later, with a signed message_template_status_update published to the hub.
    public int TemplateReviewMs { get; set; } = -1;

    // Base URL put in SigningCertURL / UnsubscribeURL. Empty = the address Kestrel actually bound.
    public string PublicBaseUrl { get; set; } = "";

    // Where PostWhatsAppMessageMedia reads sourceS3File objects (an S3-compatible server such as s3rver, path-style,
    // unsigned). Empty = the S3 object is not read and its type is guessed from the key's extension.
    public string S3ServiceUrl { get; set; } = "";

    // Media ids stop working this long after the media reached "Meta" (WhatsApp keeps uploads 30 days); 0 = never.
    public int MediaExpiryDays { get; set; } = 30;

    // A fault plan (the JSON of PUT /sandbox/faults) in force from start-up, for scripts; empty = none.
    public string FaultPlan { get; set; } = "";

    // Bounded memory for the request / message / delivery logs.
    public int MaxRecords { get; set; } = 10_000;

    public IReadOnlyList<string> StatusList =>
        Statuses.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
