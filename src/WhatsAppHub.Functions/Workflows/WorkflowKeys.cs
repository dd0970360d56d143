using WhatsAppHub.Core.Storage;

namespace WhatsAppHub.Functions.Workflows;

/// <summary>
/// Keys of the Workflows table: an instance is <c>WORKFLOW|{type}</c> / <c>{instanceId}</c> (the type is the id's prefix,
/// so the id alone makes a point read); a waiting instance's correlation row is <c>WAIT|{key}</c> / <c>{instanceId}</c>
/// (one partition per key: every instance waiting on it is one query).
/// </summary>
public static class WorkflowKeys
{
    public const string ItemType = "WORKFLOW";
    public const string WaitItemType = "WAIT";

    public static string InstancePartition(string type) => StorageKey.Compose("WORKFLOW", type);

    /// <summary>Every instance partition starts with this (for listings of all types).</summary>
    public static string InstancePartitionPrefix => StorageKey.Compose("WORKFLOW", "");

    public static string InstanceRowKey(string instanceId) => StorageKey.Escape(instanceId);

    public static string WaitPartition(string correlationKey) => StorageKey.Compose("WAIT", correlationKey);
}
