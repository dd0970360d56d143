namespace WhatsAppHub.Core.Workflows;

/// <summary>
/// An instance's status: <c>running</c> until its start is handled, <c>waiting</c> for a timer or an event, then one of
/// the final ones. A final instance takes no more triggers.
/// </summary>
public static class WorkflowStatus
{
    public const string Running = "running";
    public const string Waiting = "waiting";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static IReadOnlyList<string> All { get; } = [Running, Waiting, Completed, Failed, Cancelled];

    public static bool IsFinal(string? status) => status is Completed or Failed or Cancelled;
}
