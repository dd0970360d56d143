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
    ];

    private static readonly string[] Fragments =
    [
        "null", "true", "0", "-1e309", "\"\"", "{}", "[]", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
        "\"\\u0000\"", "\"\\ud800\"", "\"😀\"", "{\"body\":null}", "\"phone-number-id-\"", "\"text\"", "9999999999999999999999",
    ];

    [Fact]
    public void Ten_thousand_mutated_bodies_never_throw()
    {
        var random = new Random(20261121);
        var accepted = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var input = Mutate(Seeds[i % Seeds.Length], random);
            var (message, errors) = OutboundMessageReader.Default.Read(input);
            Assert.True(message is not null ^ errors.Count > 0, $"case {i}: exactly one of message or errors expected");
            if (message is not null) accepted++;
        }
        // Some mutations keep the body valid; if none did, the mutator would only be testing the JSON parser.
        Assert.InRange(accepted, 1, 9_999);
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
