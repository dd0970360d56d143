using System.Text.Json;
using WhatsAppHub.Core.Messaging;

namespace WhatsAppHub.Core.Inbound;

/// <summary>Reads one <c>value.messages[]</c> item into an <see cref="InboundMessage"/> with typed content.</summary>
internal static class MessageReader
{
    private static readonly HashSet<string> MediaTypes = ["image", "video", "audio", "document", "sticker"];

    /// <summary>Null when the item names no sender (nothing to attribute it to).</summary>
    public static InboundMessage? Read(JsonElement item, ChangeMetadata metadata, IReadOnlyList<JsonElement> contacts)
    {
        if (Json.Str(item, "from") is not { Length: > 0 } from) return null;
        var type = Json.Str(item, "type") ?? "unknown";
        var contact = Contact(contacts, from);
        var waId = (contact is { } c ? Json.Str(c, "wa_id") : null) is { Length: > 0 } listed ? listed : RecipientRules.ToWaId(from);
        var name = contact is { } c2 && Json.Prop(c2, "profile") is { } profile ? Json.Str(profile, "name") : null;
        return new InboundMessage(metadata, from, Json.Str(item, "id"), type, Json.UnixTime(item, "timestamp"), name, waId,
            Json.Str(item, "group_id"), Context(item), Referral(item), Content(item, type), item.GetRawText());
    }

    /// <summary>The contact whose wa_id matches the sender, else the only one listed.</summary>
    private static JsonElement? Contact(IReadOnlyList<JsonElement> contacts, string from)
    {
        var digits = RecipientRules.ToWaId(from);
        foreach (var contact in contacts)
            if (Json.Str(contact, "wa_id") is { } waId && RecipientRules.ToWaId(waId) == digits) return contact;
        return contacts.Count == 1 ? contacts[0] : null;
    }

    private static MessageContext? Context(JsonElement item)
    {
        if (Json.Prop(item, "context") is not { ValueKind: JsonValueKind.Object } context) return null;
        var product = Json.Prop(context, "referred_product");
        return new MessageContext(Json.Str(context, "from"), Json.Str(context, "id"), Json.Bool(context, "forwarded") == true,
            Json.Bool(context, "frequently_forwarded") == true,
            product is { } p ? Json.Text(p, "catalog_id") : null, product is { } p2 ? Json.Str(p2, "product_retailer_id") : null);
    }

    private static Referral? Referral(JsonElement item)
    {
        if (Json.Prop(item, "referral") is not { ValueKind: JsonValueKind.Object } r) return null;
        return new Referral(Json.Str(r, "source_url"), Json.Text(r, "source_id"), Json.Str(r, "source_type"), Json.Str(r, "headline"),
            Json.Str(r, "body"), Json.Str(r, "media_type"), Json.Str(r, "image_url"), Json.Str(r, "video_url"), Json.Str(r, "thumbnail_url"),
            Json.Str(r, "ctwa_clid"), Json.Prop(r, "welcome_message") is { } welcome ? Json.Str(welcome, "text") : null, Json.Str(r, "ref"));
    }

    private static InboundContent Content(JsonElement item, string type)
    {
        if (type == "request_welcome") return new RequestWelcomeContent();
        if (type == "unsupported")
            return new UnsupportedContent(Json.Prop(item, "unsupported") is { } u ? Json.Str(u, "type") : null,
                Json.Items(item, "errors").Select(Json.Error).ToList());
        if (type == "contacts")
        {
            if (Json.Prop(item, "contacts") is not { ValueKind: JsonValueKind.Array } cards) return new UnknownContent("contacts has no contacts array.");
            var names = cards.EnumerateArray()
                .Select(card => Json.Prop(card, "name") is { } n ? Json.Str(n, "formatted_name") : null)
                .OfType<string>().ToList();
            return new ContactsContent(names, cards.GetArrayLength());
        }
        if (Json.Prop(item, type) is not { ValueKind: JsonValueKind.Object } body)
            return new UnknownContent(MediaTypes.Contains(type) || type is "text" or "location" or "interactive" or "button" or "order" or "reaction" or "system"
                ? $"The {type} message has no {type} object."
                : $"Message type '{type}' is not known to the hub.");
        if (MediaTypes.Contains(type))
            return new MediaContent(type, Json.Text(body, "id"), Json.Str(body, "mime_type"), Json.Str(body, "sha256"), Json.Str(body, "caption"),
                Json.Str(body, "filename"), Json.Str(body, "url"), Json.Bool(body, "voice"), Json.Bool(body, "animated"));
        return type switch
        {
            "text" => Json.Str(body, "body") is { } text ? new TextContent(text) : new UnknownContent("text has no body."),
            "location" => new LocationContent(Json.Double(body, "latitude"), Json.Double(body, "longitude"), Json.Str(body, "name"),
                Json.Str(body, "address"), Json.Str(body, "url")),
            "interactive" => Interactive(body),
            "button" => new ButtonContent(Json.Str(body, "payload"), Json.Str(body, "text")),
            "order" => new OrderContent(Json.Text(body, "catalog_id"), Json.Str(body, "text"),
                Json.Items(body, "product_items").Select(i => new OrderItem(Json.Str(i, "product_retailer_id"), Json.Int(i, "quantity"),
                    Json.Decimal(i, "item_price"), Json.Str(i, "currency"))).ToList()),
            "reaction" => new ReactionContent(Json.Str(body, "message_id"), Json.Str(body, "emoji")),
            "system" => new SystemContent(Json.Str(body, "body"), Json.Str(body, "wa_id") ?? Json.Str(body, "new_wa_id"), Json.Str(body, "type")),
            _ => new UnknownContent($"Message type '{type}' is not known to the hub."),
        };
    }

    private static InboundContent Interactive(JsonElement interactive)
    {
        var kind = Json.Str(interactive, "type") ?? "unknown";
        if (Json.Prop(interactive, kind) is not { ValueKind: JsonValueKind.Object } reply)
            return new UnknownContent($"The interactive {kind} reply has no {kind} object.");
        return kind switch
        {
            "button_reply" or "list_reply" => new InteractiveReplyContent(kind, ReplyId: Json.Str(reply, "id"), Title: Json.Str(reply, "title"),
                Description: Json.Str(reply, "description")),
            "nfm_reply" => new InteractiveReplyContent(kind, FlowName: Json.Str(reply, "name"), Body: Json.Str(reply, "body"),
                ResponseJson: Json.Str(reply, "response_json"), FlowToken: FlowToken(Json.Str(reply, "response_json"))),
            "call_permission_reply" => new InteractiveReplyContent(kind, Response: Json.Str(reply, "response"), IsPermanent: Json.Bool(reply, "is_permanent"),
                ExpiresAt: Json.UnixTime(reply, "expiration_timestamp"), ResponseSource: Json.Str(reply, "response_source")),
            _ => new UnknownContent($"Interactive reply type '{kind}' is not known to the hub."),
        };
    }

    /// <summary><c>response_json</c> is a JSON string; its <c>flow_token</c> ties the reply to the Flow the hub sent.</summary>
    private static string? FlowToken(string? responseJson)
    {
        if (string.IsNullOrEmpty(responseJson)) return null;
        try
        {
            using var document = JsonDocument.Parse(responseJson, new JsonDocumentOptions { MaxDepth = 64 });
            return Json.Str(document.RootElement, "flow_token");
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
