using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using WhatsAppHub.Sandbox.Eum;
using WhatsAppHub.Sandbox.Eum.World;
using WhatsAppHub.Sandbox.Sns;

namespace WhatsAppHub.Sandbox.Inbound;

/// <summary>One inbound event to compose: its type, who sends it to which number, and the fields a caller overrides.</summary>
public sealed record InboundRequest(
    InboundKind Kind,
    string? From,
    string? ProfileName,
    LinkedAccount Account,
    LinkedPhoneNumber Phone,
    JsonObject Overrides);

/// <summary>A composed EUM event and what it names; <see cref="Media"/> is added to the world only when it is published.</summary>
/// <param name="Part">The item (or value) after the overrides: what <c>GET /sandbox/inbound</c> shows as the default.</param>
/// <param name="EumEvent">The SNS Message: the EUM event wrapping the Meta entry.</param>
public sealed record ComposedEvent(string Type, JsonObject Part, string EumEvent, string? Wamid, string? From, MediaObject? Media);

/// <summary>
/// Builds the Meta entry of an inbound type: the realistic default (sender, fresh wamid, now), the caller's overrides
/// merged over the item (or value), then the <c>messages</c> envelope or the management change around it.
/// </summary>
public sealed class InboundComposer(EumEventBuilder events, IOptions<SandboxOptions> options, TimeProvider time)
{
    public ComposedEvent Compose(InboundRequest request)
    {
        var kind = request.Kind;
        var now = time.GetUtcNow();
        var from = request.From ?? Digits(options.Value.DemoContact);
        var context = new SampleContext(events)
        {
            From = from,
            ProfileName = request.ProfileName ?? options.Value.DemoContactName,
            Account = request.Account,
            Phone = request.Phone,
            Now = now,
            MediaId = kind.Media is null ? null : ResourceIds.NewNumeric(16),
        };

        var part = kind.Sample(context);
        if (kind.Part == InboundPart.Message)
        {
            // Common keys first, as Meta writes them; the sample adds the type and its content.
            var item = new JsonObject { ["from"] = from, ["id"] = Wamid.New(from), ["timestamp"] = context.UnixNow };
            foreach (var (name, node) in part.ToList())
            {
                part.Remove(name);
                item[name] = node;
            }
            part = item;
        }
        JsonMergePatch.Apply(part, request.Overrides);

        var (account, phone) = (request.Account, request.Phone);
        var entry = kind.Part switch
        {
            InboundPart.Message => EumEventBuilder.MessagesEntry(account.MetaWabaId, phone.Digits, phone.MetaPhoneNumberId, kind.ListsContacts
                ? new JsonObject { ["contacts"] = new JsonArray(context.Contact()), ["messages"] = new JsonArray(part.DeepClone()) }
                : new JsonObject { ["messages"] = new JsonArray(part.DeepClone()) }),
            InboundPart.Status or InboundPart.Payment => EumEventBuilder.MessagesEntry(account.MetaWabaId, phone.Digits, phone.MetaPhoneNumberId,
                new JsonObject { ["statuses"] = new JsonArray(part.DeepClone()) }),
            InboundPart.Error => EumEventBuilder.MessagesEntry(account.MetaWabaId, phone.Digits, phone.MetaPhoneNumberId,
                new JsonObject { ["errors"] = new JsonArray(part.DeepClone()) }),
            _ => EumEventBuilder.ChangeEntry(account.MetaWabaId, kind.Field, (JsonObject)part.DeepClone(), now),
        };
        var wamid = kind.Part is InboundPart.Message or InboundPart.Status ? Text(part["id"]) : null;
        return new ComposedEvent(kind.Type, part, events.Wrap(entry, account, phone), wamid, kind.HasSender ? from : null, MediaFor(kind, part, phone, time.GetUtcNow()));
    }

    /// <summary>
    /// The media object behind a media message, under the id the message ends up naming (a caller may override it),
    /// holding the sample file so that GetWhatsAppMessageMedia can hand the bytes over. No id, no object.
    /// </summary>
    private static MediaObject? MediaFor(InboundKind kind, JsonObject item, LinkedPhoneNumber phone, DateTimeOffset now)
    {
        if (kind.Media is not { } file || Text(item["type"]) is not { } type || item[type] is not JsonObject media
            || Text(media["id"]) is not { Length: > 0 } mediaId)
        {
            return null;
        }
        return new MediaObject
        {
            MediaId = mediaId,
            PhoneNumberId = phone.Id,
            MimeType = Text(media["mime_type"]) ?? file.MimeType,
            FileSize = (file.Content.Length + 1023) / 1024,   // KB, as the EUM model counts fileSize
            Source = "inbound",
            Content = file.Content,
            CreatedAt = now, // expires like Meta's media (MediaExpiryDays)
        };
    }

    private static string? Text(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;

    public static string Digits(string number) => new(number.Where(char.IsAsciiDigit).ToArray());
}
