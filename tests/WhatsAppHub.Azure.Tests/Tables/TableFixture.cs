using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Azure.Tests.Tables;

internal static class AzuriteTables
{
    public static async Task<ITableStore> NewTableAsync(AzuriteProcess azurite, string hint)
    {
        var service = new TableService(StorageConnection.Parse(azurite.ConnectionString));
        ITableStore table = service.GetTable(TestNames.Table(hint));
        await table.CreateIfNotExistsAsync();
        return table;
    }
}
