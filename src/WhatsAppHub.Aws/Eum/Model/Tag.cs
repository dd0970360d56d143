namespace WhatsAppHub.Aws.Eum;

public sealed class Tag
{
    public required string Key { get; set; }

    public string? Value { get; set; }
}
