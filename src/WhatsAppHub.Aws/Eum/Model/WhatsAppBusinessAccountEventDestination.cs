namespace WhatsAppHub.Aws.Eum;

/// <summary>Where EUM publishes a WABA's events (an SNS topic), and the role it may use to do so.</summary>
public sealed class WhatsAppBusinessAccountEventDestination
{
    public required string EventDestinationArn { get; set; }

    public string? RoleArn { get; set; }
}
