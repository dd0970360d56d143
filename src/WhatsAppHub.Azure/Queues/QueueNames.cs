using System.Text.RegularExpressions;

namespace WhatsAppHub.Azure.Queues;

/// <summary>Queue name rules: 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.</summary>
internal static partial class QueueNames
{
    public static string Validate(string queueName)
    {
        ArgumentNullException.ThrowIfNull(queueName);
        if (queueName.Length is < 3 or > 63 || !Pattern().IsMatch(queueName))
        {
            throw new ArgumentException($"'{queueName}' is not a valid queue name: 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.", nameof(queueName));
        }

        return queueName;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$")]
    private static partial Regex Pattern();
}
