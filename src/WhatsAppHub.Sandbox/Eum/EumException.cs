namespace WhatsAppHub.Sandbox.Eum;

/// <summary>
/// An error answered the restJson1 way: HTTP status, <c>x-amzn-ErrorType</c> header and <c>{"message":...}</c>.
/// Types and statuses are the model's (eum-api.md §3), so clients can map them by type as they must.
/// </summary>
public sealed class EumException(int status, string errorType, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string ErrorType { get; } = errorType;

    public static EumException Validation(string message) => new(400, "ValidationException", message);
    public static EumException InvalidParameters(string message) => new(400, "InvalidParametersException", message);
    public static EumException Serialization(string message) => new(400, "SerializationException", message);
    public static EumException NotFound(string message) => new(404, "ResourceNotFoundException", message);
    public static EumException Dependency(string message) => new(502, "DependencyException", message);
    public static EumException LimitExceeded(string message) => new(400, "LimitExceededException", message);
}
