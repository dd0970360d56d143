namespace WhatsAppHub.Azure.Tables;

/// <summary>How a write treats properties the row does not carry.</summary>
public enum TableUpdateMode
{
    /// <summary>The stored entity becomes exactly the row (PUT): missing properties are dropped.</summary>
    Replace,

    /// <summary>The row's properties are merged into the stored entity (MERGE): others are kept.</summary>
    Merge,
}
