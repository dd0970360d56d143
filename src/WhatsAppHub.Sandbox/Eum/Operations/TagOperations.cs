using System.Text.Json.Nodes;
using WhatsAppHub.Sandbox.Eum.Validation;
using WhatsAppHub.Sandbox.Eum.World;

namespace WhatsAppHub.Sandbox.Eum.Operations;

/// <summary>Tags on WABA and phone-number ARNs. An existing key takes the new value, as TagResource documents.</summary>
public sealed class TagOperations(SandboxWorld world) : IEumOperationGroup
{
    public IEnumerable<EumOperation> Operations =>
    [
        new("TagResource", "POST", "/v1/tags/tag-resource", TagResource),
        new("UntagResource", "POST", "/v1/tags/untag-resource", UntagResource),
        new("ListTagsForResource", "GET", "/v1/tags/list", ListTags),
    ];

    private JsonObject TagResource(InputReader input)
    {
        var arn = input.String(input.Body, "resourceArn", "resourceArn", Shapes.Arn, required: true)!;
        var tags = input.Tags(input.Body, "tags", "tags", required: true)!;
        input.ThrowIfInvalid();
        return world.Locked(w =>
        {
            RequireResource(w, arn);
            Apply(w, arn, tags);
            return new JsonObject { ["statusCode"] = 200 };
        });
    }

    private JsonObject UntagResource(InputReader input)
    {
        var arn = input.String(input.Body, "resourceArn", "resourceArn", Shapes.Arn, required: true)!;
        var keys = input.StringList(input.Body, "tagKeys", "tagKeys", required: true)!;
        input.ThrowIfInvalid();
        return world.Locked(w =>
        {
            RequireResource(w, arn);
            if (w.Tags.TryGetValue(arn, out var existing))
            {
                existing.RemoveAll(t => keys.Contains(t.Key));
            }
            return new JsonObject { ["statusCode"] = 200 };
        });
    }

    private JsonObject ListTags(InputReader input)
    {
        var arn = input.QueryString("resourceArn", "resourceArn", Shapes.Arn, required: true)!;
        input.ThrowIfInvalid();
        return world.Locked(w =>
        {
            RequireResource(w, arn);
            var tags = w.Tags.TryGetValue(arn, out var existing) ? existing : [];
            return new JsonObject { ["statusCode"] = 200, ["tags"] = new JsonArray(tags.Select(t => (JsonNode)t.ToJson()).ToArray()) };
        });
    }

    public static void Apply(SandboxWorld w, string arn, IEnumerable<Tag> tags)
    {
        if (!w.Tags.TryGetValue(arn, out var existing))
        {
            w.Tags[arn] = existing = [];
        }
        foreach (var tag in tags)
        {
            existing.RemoveAll(t => t.Key == tag.Key);
            existing.Add(tag);
        }
    }

    // The tagging operations have no ResourceNotFoundException in the model; AWS answers a foreign or
    // unknown ARN as an invalid parameter (the model's smoke test expects a failure for one).
    private static void RequireResource(SandboxWorld w, string arn)
    {
        var known = w.Accounts.Any(a => a.Arn == arn || a.PhoneNumbers.Any(p => p.Arn == arn));
        if (!known)
        {
            throw EumException.InvalidParameters($"The resource {arn} was not found or is not taggable.");
        }
    }
}
