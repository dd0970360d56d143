namespace WhatsAppHub.Aws.Eum;

/// <summary>
/// What went wrong on an EUM call, told apart by the error type name the service sends
/// (never by HTTP status: 400 and 403 are each shared by several types).
/// </summary>
public enum SocialMessagingErrorType
{
    /// <summary>A type name this client does not know, or none at all.</summary>
    Unknown,
    AccessDenied,
    AccessDeniedByMeta,
    InvalidParameters,
    Validation,
    ResourceNotFound,
    LimitExceeded,
    Throttled,
    InternalService,
    Dependency,

    /// <summary>AWS's front door refused the SigV4 signature (also "IncompleteSignatureException").</summary>
    InvalidSignature,

    /// <summary>The access key id is not known to AWS.</summary>
    UnrecognizedClient,

    /// <summary>The request carried no credentials at all.</summary>
    MissingAuthenticationToken,
}
