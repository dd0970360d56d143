using System.Net.Http.Json;
using System.Text.Json;
using WhatsAppHub.Core.Messaging;

namespace WhatsAppHub.Functions.Tests.Support;

/// <summary>Reading back what the hub and the sandbox hold about messages.</summary>
public static class Messages
{
    /// <summary>
    /// Polls <paramref name="location"/> until the message has reached <paramref name="status"/> or a later step on its way
    /// (the sandbox publishes sent, delivered and read within milliseconds, so a poll for <c>sent</c> may first see <c>read</c>).
    /// Fails the test at once when the message failed and something else was awaited, or after 30 s.
    /// </summary>
    public static async Task<JsonElement> WaitForStatusAsync(HttpClient hub, string location, string status)
    {
        Assert.True(MessageStatusRules.TryParse(status, out var wanted), $"'{status}' is not a message status");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement message;
        string? current;
        do
        {
            message = await hub.GetFromJsonAsync<JsonElement>(location);
            current = message.GetProperty("status").GetString();
            MessageStatusRules.TryParse(current, out var now);
            if (now == wanted || (now > wanted && now < MessageStatus.Failed && wanted < MessageStatus.Failed)) return message;
            if (now == MessageStatus.Failed) break;
            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);
        throw new Xunit.Sdk.XunitException($"{location} is '{current}', expected '{status}' or later: {message}");
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
