namespace WhatsAppHub.Core.Validation;

/// <summary>
/// Collects every broken rule of one input, so a caller learns all of them in one answer
/// instead of fixing one field per round trip.
/// </summary>
public sealed class ValidationErrors
{
    private readonly List<ValidationError> _errors = [];

    public IReadOnlyList<ValidationError> All => _errors;

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string path, string rule, string message) => _errors.Add(new ValidationError(path, rule, message));
}
