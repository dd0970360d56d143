using System.Text.Json.Nodes;

namespace WhatsAppHub.Sandbox.Eum.World;

public sealed record S3Location(string BucketName, string Key);

public sealed record PresignedUrl(string Url, IReadOnlyDictionary<string, string> Headers);

public sealed record Tag(string Key, string? Value)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["key"] = Key };
        if (Value is not null)
        {
            json["value"] = Value;
        }
        return json;
    }
}

public sealed record EventDestination(string EventDestinationArn, string? RoleArn)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["eventDestinationArn"] = EventDestinationArn };
        if (RoleArn is not null)
        {
            json["roleArn"] = RoleArn;
        }
        return json;
    }
}
