namespace WhatsAppHub.Aws.Eum;

/// <summary>Maps the wire error type names to <see cref="SocialMessagingErrorType"/>.</summary>
internal static class ErrorTypes
{
    private static readonly Dictionary<string, SocialMessagingErrorType> ByName = new(StringComparer.Ordinal)
    {
        ["AccessDeniedException"] = SocialMessagingErrorType.AccessDenied,
        ["AccessDeniedByMetaException"] = SocialMessagingErrorType.AccessDeniedByMeta,
        ["InvalidParametersException"] = SocialMessagingErrorType.InvalidParameters,
        ["ValidationException"] = SocialMessagingErrorType.Validation,
        ["ResourceNotFoundException"] = SocialMessagingErrorType.ResourceNotFound,
        ["LimitExceededException"] = SocialMessagingErrorType.LimitExceeded,
        ["ThrottledRequestException"] = SocialMessagingErrorType.Throttled,
        // Not in the model, but what AWS's front door answers when it throttles before the service does.
        ["ThrottlingException"] = SocialMessagingErrorType.Throttled,
        ["InternalServiceException"] = SocialMessagingErrorType.InternalService,
        ["DependencyException"] = SocialMessagingErrorType.Dependency,
        ["InvalidSignatureException"] = SocialMessagingErrorType.InvalidSignature,
        ["IncompleteSignatureException"] = SocialMessagingErrorType.InvalidSignature,
        ["UnrecognizedClientException"] = SocialMessagingErrorType.UnrecognizedClient,
        ["MissingAuthenticationTokenException"] = SocialMessagingErrorType.MissingAuthenticationToken,
    };

    public static SocialMessagingErrorType FromName(string? sanitisedName) =>
        sanitisedName is not null && ByName.TryGetValue(sanitisedName, out var type) ? type : SocialMessagingErrorType.Unknown;

    public static bool IsRetryable(SocialMessagingErrorType type) => type is
        SocialMessagingErrorType.Throttled or
        SocialMessagingErrorType.InternalService or
        SocialMessagingErrorType.Dependency;

    /// <summary>
    /// restJson1 error names may carry a namespace and a URI ("aws.protocoltests#Foo:http://...").
    /// Cut at the first ':', then keep what follows the first '#'.
    /// </summary>
    public static string? Sanitise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var name = raw.Trim();
        var colon = name.IndexOf(':');
        if (colon >= 0) name = name[..colon];
        var hash = name.IndexOf('#');
        if (hash >= 0) name = name[(hash + 1)..];
        return name.Length == 0 ? null : name;
    }
}
