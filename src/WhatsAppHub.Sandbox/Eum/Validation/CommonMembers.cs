using System.Text.Json.Nodes;
using WhatsAppHub.Sandbox.Eum.World;

namespace WhatsAppHub.Sandbox.Eum.Validation;

/// <summary>Readers for the structures several operations share (S3 locations, tags, event destinations).</summary>
public static class CommonMembers
{
    public static S3Location? S3File(this InputReader input, JsonObject obj, string name)
    {
        var file = input.Object(obj, name, name);
        if (file is null)
        {
            return null;
        }
        var bucket = input.String(file, "bucketName", $"{name}.bucketName", Shapes.BucketName, required: true);
        var key = input.String(file, "key", $"{name}.key", Shapes.S3Key, required: true);
        return new S3Location(bucket ?? "", key ?? "");
    }

    public static PresignedUrl? S3PresignedUrl(this InputReader input, JsonObject obj, string name)
    {
        var presigned = input.Object(obj, name, name);
        if (presigned is null)
        {
            return null;
        }
        var url = input.String(presigned, "url", $"{name}.url", Shapes.S3PresignedUrl, required: true);
        var headers = input.StringMap(presigned, "headers", $"{name}.headers", null, Shapes.Unconstrained, Shapes.Unconstrained);
        if (headers is null)
        {
            input.Fail($"{name}.headers", "Member must not be null");
        }
        return new PresignedUrl(url ?? "", headers ?? new Dictionary<string, string>());
    }

    public static IReadOnlyList<Tag>? Tags(this InputReader input, JsonObject obj, string name, string path, bool required = false)
    {
        var items = input.ObjectList(obj, name, path, required);
        return items?.Select(t => new Tag(
            input.String(t.Item, "key", $"{t.Path}.key", Shapes.TagKey, required: true) ?? "",
            input.String(t.Item, "value", $"{t.Path}.value", Shapes.TagValue))).ToList();
    }

    public static IReadOnlyList<EventDestination>? EventDestinations(this InputReader input, JsonObject obj, string name, string path, bool required = false)
    {
        var items = input.ObjectList(obj, name, path, required, maxCount: 1);
        return items?.Select(d => new EventDestination(
            input.String(d.Item, "eventDestinationArn", $"{d.Path}.eventDestinationArn", Shapes.EventDestinationArn, required: true) ?? "",
            input.String(d.Item, "roleArn", $"{d.Path}.roleArn", Shapes.RoleArn))).ToList();
    }
}
