namespace WhatsAppHub.Azure.Tables;

/// <summary>Header values every Table request carries.</summary>
internal static class TableHeaders
{
    /// <summary>Minimal metadata: the service annotates the types JSON cannot carry (Int64, DateTime, Guid, Binary) and nothing else.</summary>
    public const string Accept = "application/json;odata=minimalmetadata";

    public const string DataServiceVersion = "3.0;NetFx";

    public const string JsonContentType = "application/json";
}
