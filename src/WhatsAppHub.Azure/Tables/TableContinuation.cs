using System.Buffers.Text;
using System.Text;

namespace WhatsAppHub.Azure.Tables;

/// <summary>
/// The service's continuation (<c>x-ms-continuation-NextPartitionKey</c> / <c>NextRowKey</c>), with a
/// URL-safe string form the HTTP API hands out as an opaque continuation token.
/// </summary>
public sealed record TableContinuation(string NextPartitionKey, string? NextRowKey)
{
    /// <summary>base64url(NextPartitionKey) [ "." base64url(NextRowKey) ]: only URL-safe characters.</summary>
    public string ToToken()
    {
        string token = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(NextPartitionKey));
        return NextRowKey is null ? token : token + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(NextRowKey));
    }

    /// <exception cref="FormatException">The token was not made by <see cref="ToToken"/>.</exception>
    public static TableContinuation Parse(string token)
    {
        if (!TryParse(token, out TableContinuation? continuation))
        {
            throw new FormatException("The continuation token is not valid.");
        }

        return continuation;
    }

    public static bool TryParse(string? token, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TableContinuation? continuation)
    {
        continuation = null;
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        string[] parts = token.Split('.');
        if (parts.Length > 2 || !TryDecode(parts[0], out string? partitionKey) || partitionKey.Length == 0)
        {
            return false;
        }

        string? rowKey = null;
        if (parts.Length == 2 && !TryDecode(parts[1], out rowKey))
        {
            return false;
        }

        continuation = new TableContinuation(partitionKey, rowKey);
        return true;
    }

    public override string ToString() => ToToken();

    private static bool TryDecode(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        value = null;
        if (!Base64Url.IsValid(text))
        {
            return false;
        }

        try
        {
            value = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(text));
            return true;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            return false;
        }
    }
}
