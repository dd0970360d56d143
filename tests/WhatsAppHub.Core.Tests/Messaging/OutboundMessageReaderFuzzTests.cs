using System.Text;
using WhatsAppHub.Core.Messaging;

namespace WhatsAppHub.Core.Tests.Messaging;

/// <summary>
/// Mutates valid bodies byte by byte and structurally (seeded, so a failure reproduces) and checks the reader
/// never throws and always answers with either a message or at least one error.
/// </summary>
public class OutboundMessageReaderFuzzTests
{
    private static readonly string[] Seeds =
    [
        """{"messaging_product":"whatsapp","recipient_type":"individual","to":"+447700900123","type":"text","text":{"preview_url":true,"body":"Hello"}}""",
        """{"to":"15555550100","type":"text","text":{"body":"hi"},"phoneNumberId":"phone-number-id-0123"}""",
        """{"to":"+447700900123","type":"image","image":{"link":"https://cdn.example.com/p/sku-88.jpg?v=3","caption":"Hello"},"context":{"message_id":"wamid.HBgM"}}""",
        """{"to":"+447700900123","type":"audio","audio":{"id":"2233445566778899","voice":true},"biz_opaque_callback_data":"Hello"}""",
        """{"to":"+447700900123","type":"document","document":{"id":"1234567890123456","filename":"invoice.pdf","caption":"Hello"}}""",
        """{"recipient_type":"group","to":"Y2FwaV9ncm91cDox","type":"location","location":{"latitude":51.5033,"longitude":-0.1196,"name":"Hello","address":"1 Riverside Walk"}}""",
        """{"to":"+447700900123","type":"contacts","contacts":[{"name":{"formatted_name":"Hello","first_name":"Priya"},"birthday":"1990-02-28","phones":[{"phone":"+447700900456","type":"WORK","wa_id":"447700900456"}],"emails":[{"email":"a@example.com"}],"org":{"company":"Example"}}]}""",
        """{"to":"+447700900123","type":"reaction","reaction":{"message_id":"wamid.HBgMNDQ3","emoji":"\uD83D\uDC4D"}}""",
        """{"to":"+447700900123","type":"template","template":{"name":"spring_offer","language":{"code":"en_GB","policy":"deterministic"},"components":[{"type":"header","parameters":[{"type":"image","image":{"id":"5566778899001122"}}]},{"type":"body","parameters":[{"type":"text","text":"Hello"},{"type":"currency","currency":{"fallback_value":"£42.00","code":"GBP","amount_1000":42000}},{"type":"date_time","date_time":{"fallback_value":"Tue 3 March"}}]},{"type":"limited_time_offer","parameters":[{"type":"limited_time_offer","limited_time_offer":{"expiration_time_ms":1772582400000}}]},{"type":"button","sub_type":"copy_code","index":0,"parameters":[{"type":"coupon_code","coupon_code":"SPRING25"}]},{"type":"button","sub_type":"url","index":"1","parameters":[{"type":"text","text":"spring25"}]}]}}""",
        """{"to":"+447700900123","type":"template","template":{"name":"mugs","language":{"code":"en_GB"},"components":[{"type":"carousel","cards":[{"card_index":0,"components":[{"type":"header","parameters":[{"type":"image","image":{"id":"1111"}}]},{"type":"body","parameters":[{"type":"text","text":"Hello"}]}]},{"card_index":1,"components":[{"type":"header","parameters":[{"type":"video","video":{"link":"https://cdn.example.com/v.mp4"}}]},{"type":"body","parameters":[{"type":"text","text":"Mug"}]}]}]},{"type":"button","sub_type":"mpm","index":0,"parameters":[{"type":"action","action":{"thumbnail_product_retailer_id":"SKU-88","sections":[{"title":"Hello","product_items":[{"product_retailer_id":"SKU-88"}]}]}}]}]}}""",
    ];

    private static readonly string[] Fragments =
    [
        "null", "true", "0", "-1e309", "\"\"", "{}", "[]", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        "\"\\u0000\"", "\"\\ud800\"", "\"😀\"", "{\"body\":null}", "\"phone-number-id-\"", "\"text\"", "9999999999999999999999", "1.5", "\"group\"", "\"https://\"", "[{}]", "{\"id\":\"1\",\"link\":\"https://a\"}",
    ];

    private const int Cases = 50_000;

    [Fact]
    public void Fifty_thousand_mutated_bodies_of_every_type_never_throw()
    {
        var random = new Random(20261121);
        var accepted = 0;
        for (var i = 0; i < Cases; i++)
        {
            var input = Mutate(Seeds[i % Seeds.Length], random);
            var (message, errors) = OutboundMessageReader.Default.Read(input);
            Assert.True(message is not null ^ errors.Count > 0, $"case {i}: exactly one of message or errors expected");
            if (message is not null) accepted++;
        }
        // Some mutations keep the body valid; if none did, the mutator would only be testing the JSON parser.
        Assert.InRange(accepted, 1, Cases - 1);
    }

    private static byte[] Mutate(string seed, Random random)
    {
        var text = seed;
        switch (random.Next(5))
        {
            case 0: // flip bytes
                var bytes = Encoding.UTF8.GetBytes(text);
                for (var n = random.Next(1, 4); n > 0; n--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return bytes;
            case 1: // cut
                return Encoding.UTF8.GetBytes(text[..random.Next(text.Length)]);
            case 2: // replace a value with a fragment
                var colon = text.IndexOf(':', random.Next(text.Length));
                if (colon < 0) goto case 1;
                var end = text.IndexOfAny([',', '}'], colon);
                return Encoding.UTF8.GetBytes(text[..(colon + 1)] + Fragments[random.Next(Fragments.Length)] + (end < 0 ? "" : text[end..]));
            case 3: // insert a fragment anywhere
                var at = random.Next(text.Length);
                return Encoding.UTF8.GetBytes(text[..at] + Fragments[random.Next(Fragments.Length)] + text[at..]);
            default: // unchanged or lightly changed body text
                return Encoding.UTF8.GetBytes(random.Next(2) == 0 ? text : text.Replace("Hello", new string('a', random.Next(5000))));
        }
    }
}
