using System.Security.Cryptography;
using System.Text;

namespace WhatsAppHub.Azure.Storage;

/// <summary>
/// An account name with its decoded shared key. The key never leaves this class except as an
/// HMAC, and <see cref="ToString"/> does not show it.
/// </summary>
internal sealed class StorageAccountKey
{
    private readonly byte[] _key;

    private StorageAccountKey(string accountName, byte[] key)
    {
        AccountName = accountName;
        _key = key;
    }

    public string AccountName { get; }

    public static StorageAccountKey Create(string accountName, string base64Key)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64Key);
        }
        catch (FormatException)
        {
            // Deliberately not chained: the inner exception text could quote the input.
            throw new FormatException("Storage connection string: AccountKey is not valid base64.");
        }

        if (key.Length == 0)
        {
            throw new FormatException("Storage connection string: AccountKey is empty.");
        }

        return new StorageAccountKey(accountName, key);
    }

    /// <summary>Base64(HMAC-SHA256(key, UTF-8(stringToSign))), the SharedKey signature.</summary>
    public string Sign(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));

    public override string ToString() => $"StorageAccountKey({AccountName})";
}
