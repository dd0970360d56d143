using System.Text.Json.Nodes;

namespace WhatsAppHub.Sandbox.Inbound;

/// <summary>
/// JSON Merge Patch (RFC 7386): objects merge member by member, anything else replaces, and <c>null</c> removes a
/// member. A test can so change one deep field (<c>{"referral":{"ctwa_clid":"x"}}</c>) or drop one (<c>{"reaction":{"emoji":null}}</c>).
/// </summary>
public static class JsonMergePatch
{
    public static void Apply(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch)
        {
            if (value is null)
            {
                target.Remove(name);
            }
            else if (value is JsonObject members)
            {
                if (target[name] is not JsonObject existing)
                {
                    existing = [];
                    target[name] = existing;
                }
                Apply(existing, members);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }
}
