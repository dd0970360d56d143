using Microsoft.OpenApi;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Messaging.Content;

namespace WhatsAppHub.Functions.OpenApi;

/// <summary>Content schemas of the non-interactive types (text, media, location, contacts, reaction), mirroring their Core rules.</summary>
internal static class BasicContentSchemas
{
    public static OpenApiSchema Text() => Schema.Object()
        .Required("body", Schema.String(TextContentRules.MaxBodyLength, description: "The message text; URLs are clickable."))
        .Optional("preview_url", Schema.Boolean("Show a preview of the first URL in the body."));

    /// <summary>A media object: exactly one of <c>id</c> and <c>link</c> (OpenAPI 2.0 cannot say "one of", so the description does), plus the extras of its place.</summary>
    public static OpenApiSchema Media(MediaExtras extras)
    {
        var media = Schema.Object("Give exactly one of 'id' (uploaded media: a WhatsApp media id or the hub's media-… id) and 'link' (a public https URL).")
            .Optional("id", Schema.String(MediaObjectRules.MaxIdLength, description: "Uploaded media id."))
            .Optional("link", Schema.String(MediaObjectRules.MaxLinkLength, description: "Public https URL WhatsApp fetches the file from."));
        if (extras.HasFlag(MediaExtras.Caption)) media.Optional("caption", Schema.String(MediaObjectRules.MaxCaptionLength));
        if (extras.HasFlag(MediaExtras.Filename)) media.Optional("filename", Schema.String(MediaObjectRules.MaxFilenameLength, description: "File name shown to the recipient."));
        if (extras.HasFlag(MediaExtras.Voice)) media.Optional("voice", Schema.Boolean("Send as a voice message (OGG/OPUS)."));
        return media;
    }

    public static OpenApiSchema Location() => Schema.Object()
        .Required("latitude", Schema.Number(-LocationContentRules.MaxLatitude, LocationContentRules.MaxLatitude))
        .Required("longitude", Schema.Number(-LocationContentRules.MaxLongitude, LocationContentRules.MaxLongitude))
        .Optional("name", Schema.String(LocationContentRules.MaxTextLength))
        .Optional("address", Schema.String(LocationContentRules.MaxTextLength));

    public static OpenApiSchema Contacts() => Schema.Array(ContactCard(), maxItems: ContactsContentRules.MaxContacts, description: "Contact cards.");

    public static OpenApiSchema Reaction() => Schema.Object()
        .Required("message_id", Schema.String(TokenRules.MaxWamidLength, description: "The wamid of the message reacted to."))
        .Required("emoji", Schema.String(minLength: 0, description: "One emoji, or \"\" to remove the reaction."));

    private static OpenApiSchema ContactCard() => Schema.Object()
        .Required("name", Strings(["formatted_name", "first_name", "last_name", "middle_name", "suffix", "prefix"], "formatted_name"))
        .Optional("birthday", Schema.String(description: "YYYY-MM-DD."))
        .Optional("org", Strings(["company", "department", "title"], null))
        .Optional("addresses", Schema.Array(Strings(["street", "city", "state", "zip", "country", "country_code", "type"], null), minItems: null))
        .Optional("emails", Schema.Array(Strings(["email", "type"], "email"), minItems: null))
        .Optional("phones", Schema.Array(Strings(["phone", "type", "wa_id"], "phone"), minItems: null))
        .Optional("urls", Schema.Array(Strings(["url", "type"], "url"), minItems: null));

    /// <summary>An object of optional string members, one of them required.</summary>
    private static OpenApiSchema Strings(string[] members, string? required)
    {
        var obj = Schema.Object();
        foreach (var member in members) obj.Member(member, Schema.String(minLength: member == required ? 1 : 0), member == required);
        return obj;
    }
}
