using WhatsAppHub.Core.Messaging.Content;

namespace WhatsAppHub.Core.Tests.Messaging.Content;

/// <summary>§1.3 media messages: one rule per row.</summary>
public class MediaContentRulesTests
{
    [Theory]
    [InlineData("image", """{"id":"1234567890123456"}""")]
    [InlineData("image", """{"link":"https://cdn.example.com/p/sku-88.jpg?v=3","caption":"Blue mug"}""")]
    [InlineData("video", """{"id":"media-01HZX3","caption":"Unboxing"}""")]
    [InlineData("audio", """{"id":"2233445566778899","voice":true}""")]
    [InlineData("audio", """{"link":"https://cdn.example.com/a.mp3","voice":false}""")]
    [InlineData("document", """{"link":"https://cdn.example.com/i.pdf","filename":"invoice.pdf","caption":"Invoice"}""")]
    [InlineData("sticker", """{"link":"https://cdn.example.com/s.webp"}""")]
    public void Valid_media_objects_are_accepted(string type, string content) => Send.Accepted(Send.Content(type, content));

    [Theory]
    [InlineData("image", """{}""", "$.image", "oneOf")]                                            // id or link required
    [InlineData("image", """{"id":"1","link":"https://a.example/x.jpg"}""", "$.image", "oneOf")]   // not both
    [InlineData("image", """{"link":"http://a.example/x.jpg"}""", "$.image.link", "httpsUrl")]    // https only
    [InlineData("image", """{"link":"/x.jpg"}""", "$.image.link", "httpsUrl")]                    // absolute
    [InlineData("image", """{"link":"https://a.example/x y.jpg"}""", "$.image.link", "httpsUrl")] // no spaces
    [InlineData("image", """{"id":""}""", "$.image.id", "required")]                              // non-empty id
    [InlineData("image", """{"id":"12 34"}""", "$.image.id", "pattern")]                          // printable, no spaces
    [InlineData("image", """{"id":12345}""", "$.image.id", "type")]                               // id is a string
    [InlineData("image", """{"id":"1","caption":""}""", "$.image.caption", "required")]           // caption non-empty
    [InlineData("image", """{"id":"1","filename":"a.jpg"}""", "$.image.filename", "unknownMember")] // filename: documents only
    [InlineData("video", """{"id":"1","voice":true}""", "$.video.voice", "unknownMember")]        // voice: audio only
    [InlineData("audio", """{"id":"1","caption":"hi"}""", "$.audio.caption", "unknownMember")]    // audio: no caption
    [InlineData("audio", """{"id":"1","voice":"yes"}""", "$.audio.voice", "type")]                // voice is a boolean
    [InlineData("sticker", """{"id":"1","caption":"hi"}""", "$.sticker.caption", "unknownMember")] // sticker: no caption
    [InlineData("document", """{"id":"1","filename":"../etc/passwd"}""", "$.document.filename", "pattern")] // no folders
    [InlineData("document", """{"id":"1","filename":""}""", "$.document.filename", "required")]   // filename non-empty
    [InlineData("image", "\"1234\"", "$.image", "type")]                                           // content is an object
    public void Each_broken_media_rule_is_named(string type, string content, string path, string rule) =>
        Send.Refused(Send.Content(type, content), path, rule);

    [Theory]
    [InlineData("image")]
    [InlineData("video")]
    [InlineData("document")]
    public void Captions_take_1024_characters_and_not_1025(string type)
    {
        var caption = new string('c', MediaObjectRules.MaxCaptionLength);
        Send.Accepted(Send.Content(type, $$"""{"id":"1","caption":"{{caption}}"}"""));
        Send.Refused(Send.Content(type, $$"""{"id":"1","caption":"{{caption}}c"}"""), $"$.{type}.caption", "maxLength");
    }

    [Fact]
    public void A_media_id_longer_than_the_hub_limit_is_refused() =>
        Send.Refused(Send.Content("image", $$"""{"id":"{{new string('7', MediaObjectRules.MaxIdLength + 1)}}"}"""), "$.image.id", "maxLength");

    [Fact]
    public void A_link_longer_than_the_hub_limit_is_refused() =>
        Send.Refused(Send.Content("image", $$"""{"link":"https://a.example/{{new string('x', MediaObjectRules.MaxLinkLength)}}"}"""), "$.image.link", "maxLength");
}
