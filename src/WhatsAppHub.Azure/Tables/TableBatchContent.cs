using System.Text;

namespace WhatsAppHub.Azure.Tables;

/// <summary>
/// Writes the body of an entity group transaction: a multipart/mixed batch holding one
/// multipart/mixed change set, whose parts are the individual HTTP requests (application/http).
/// </summary>
internal sealed class TableBatchContent
{
    private const string Crlf = "\r\n";

    public TableBatchContent()
    {
        BatchBoundary = "batch_" + Guid.NewGuid().ToString("N");
        ChangeSetBoundary = "changeset_" + Guid.NewGuid().ToString("N");
    }

    public string BatchBoundary { get; }

    public string ChangeSetBoundary { get; }

    public string ContentType => $"multipart/mixed; boundary={BatchBoundary}";

    /// <param name="tableUri">The table's URI (inserts are posted to it).</param>
    /// <param name="entityUri">Builds an entity's URI from its keys.</param>
    public byte[] Build(IReadOnlyList<TableBatchAction> actions, string tableUri, Func<string, string, string> entityUri)
    {
        var body = new StringBuilder();
        body.Append("--").Append(BatchBoundary).Append(Crlf)
            .Append("Content-Type: multipart/mixed; boundary=").Append(ChangeSetBoundary).Append(Crlf)
            .Append(Crlf);

        for (int i = 0; i < actions.Count; i++)
        {
            TableBatchAction action = actions[i];
            body.Append("--").Append(ChangeSetBoundary).Append(Crlf)
                .Append("Content-Type: application/http").Append(Crlf)
                .Append("Content-Transfer-Encoding: binary").Append(Crlf)
                .Append(Crlf);

            (string method, bool hasBody) = action.Kind switch
            {
                TableBatchActionKind.Insert => ("POST", true),
                TableBatchActionKind.UpsertReplace or TableBatchActionKind.UpdateReplace => ("PUT", true),
                TableBatchActionKind.UpsertMerge or TableBatchActionKind.UpdateMerge => ("MERGE", true),
                _ => ("DELETE", false),
            };
            string uri = action.Kind == TableBatchActionKind.Insert ? tableUri : entityUri(action.Row.PartitionKey, action.Row.RowKey);

            body.Append(method).Append(' ').Append(uri).Append(" HTTP/1.1").Append(Crlf)
                // Content-ID lets the service name the failing action (it also prefixes the message with the index).
                .Append("Content-ID: ").Append(i + 1).Append(Crlf)
                .Append("Accept: ").Append(TableHeaders.Accept).Append(Crlf)
                .Append("DataServiceVersion: ").Append(TableHeaders.DataServiceVersion).Append(Crlf);
            if (action.IfMatch is not null)
            {
                body.Append("If-Match: ").Append(action.IfMatch).Append(Crlf);
            }

            if (hasBody)
            {
                body.Append("Prefer: return-no-content").Append(Crlf)
                    .Append("Content-Type: application/json").Append(Crlf)
                    .Append(Crlf)
                    .Append(Encoding.UTF8.GetString(TableRowJson.Serialize(action.Row))).Append(Crlf);
            }
            else
            {
                body.Append(Crlf);
            }
        }

        body.Append("--").Append(ChangeSetBoundary).Append("--").Append(Crlf)
            .Append("--").Append(BatchBoundary).Append("--").Append(Crlf);
        return Encoding.UTF8.GetBytes(body.ToString());
    }
}
