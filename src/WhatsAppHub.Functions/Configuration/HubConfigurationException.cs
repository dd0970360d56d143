namespace WhatsAppHub.Functions.Configuration;

/// <summary>Thrown at start-up when settings are missing or malformed; the message names each setting.</summary>
public sealed class HubConfigurationException(IReadOnlyList<string> problems)
    : Exception("WhatsAppHub cannot start because of its settings:" + Environment.NewLine +
                string.Join(Environment.NewLine, problems.Select(p => " - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
