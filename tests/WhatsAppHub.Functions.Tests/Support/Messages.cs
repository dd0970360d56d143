using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppHub.Core.Messaging;

namespace WhatsAppHub.Functions.Tests.Support;

/// <summary>Reading back what the hub and the sandbox hold about messages.</summary>
public static class Messages
{
    /// <summary>Polls <paramref name="location"/> until the message reaches <paramref name="status"/> (or fails the test after 30 s).</summary>
    public static async Task<JsonElement> WaitForStatusAsync(HttpClient hub, string location, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement message;
        do
        {
            message = await hub.GetFromJsonAsync<JsonElement>(location);
            if (message.GetProperty("status").GetString() == status) return message;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        throw new Xunit.Sdk.XunitException($"{location} stayed '{message.GetProperty("status").GetString()}', expected '{status}': {message}");
    }

    /// <summary>
    /// The Cloud API messages the sandbox accepted for <paramref name="to"/>: phone numbers compared by digits, group ids
    /// (messages with <c>recipient_type: group</c>) exactly.
    /// </summary>
    public static async Task<IReadOnlyList<JsonElement>> SandboxSendsToAsync(HttpClient sandbox, string to)
    {
        var all = await sandbox.GetFromJsonAsync<JsonElement>("/sandbox/messages");
        var list = all.ValueKind == JsonValueKind.Array ? all : all.GetProperty("messages");
        var waId = RecipientRules.ToWaId(to);
        return list.EnumerateArray().Where(m => IsFor(m.GetProperty("message"))).ToList();

        bool IsFor(JsonElement message)
        {
            if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("to", out var t) || t.ValueKind != JsonValueKind.String) return false;
            var group = message.TryGetProperty("recipient_type", out var r) && r.ValueKind == JsonValueKind.String && r.GetString() == RecipientRules.Group;
            return group ? t.GetString() == to : RecipientRules.ToWaId(t.GetString()!) == waId;
        }
    }
}
