using System.Text;

namespace WhatsAppHub.Azure.Queues;

/// <summary>The message-text encoding: base64 of UTF-8, as the Azure Functions queue trigger expects by default.</summary>
public static class QueueMessageText
{
    /// <summary>64 KiB of encoded text per message.</summary>
    public const int MaxEncodedLength = 64 * 1024;

    /// <exception cref="ArgumentException">The encoded text exceeds 64 KiB.</exception>
    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        if (encoded.Length > MaxEncodedLength)
        {
            throw new ArgumentException(
                $"The queue message is {Encoding.UTF8.GetByteCount(text)} bytes of UTF-8, {encoded.Length} once base64-encoded; a queue message holds at most {MaxEncodedLength} (about 48 KiB of UTF-8). Store large payloads in a table or blob and queue a reference.",
                nameof(text));
        }

        return encoded;
    }

    /// <summary>
    /// Decodes base64 UTF-8. Text that is not base64 (put by a producer using no encoding) is
    /// returned as-is rather than failing, so such a message can still be inspected and dead-lettered
    /// instead of looping as a poison message.
    /// </summary>
    public static string Decode(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        byte[] buffer = new byte[(stored.Length * 3 / 4) + 3];
        if (Convert.TryFromBase64String(stored, buffer, out int written))
        {
            try
            {
                return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, written);
            }
            catch (DecoderFallbackException)
            {
                // Base64 of something that is not UTF-8: treat as plain text.
            }
        }

        return stored;
    }
}
