using System.Security.Cryptography;
using WhatsAppHub.Core.Media;

namespace WhatsAppHub.Functions.Media;

/// <summary>One pass over a file: its SHA-256 (hex), its length and its first bytes (enough to tell an animated WebP).</summary>
public sealed record FileDigest(string Sha256, long Length, byte[] Head)
{
    public static async Task<FileDigest> ComputeAsync(Stream content, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        var head = new byte[WebpHeader.Length];
        var headLength = 0;
        long length = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (headLength < head.Length)
            {
                var take = Math.Min(read, head.Length - headLength);
                Array.Copy(buffer, 0, head, headLength, take);
                headLength += take;
            }
            hash.AppendData(buffer, 0, read);
            length += read;
        }
        return new FileDigest(Convert.ToHexStringLower(hash.GetHashAndReset()), length, head[..headLength]);
    }
}
