namespace WhatsAppHub.Core.Templates;

/// <summary>
/// Meta's template statuses (whatsapp-cloud-api.md §3.6) and what each allows: which may be sent, which may be edited.
/// Unknown words are kept as received; they are neither sendable nor editable until the hub learns them.
/// </summary>
public static class TemplateStatus
{
    public const string Approved = "APPROVED";
    public const string Pending = "PENDING";
    public const string Rejected = "REJECTED";
    public const string Paused = "PAUSED";
    public const string Disabled = "DISABLED";
    public const string Flagged = "FLAGGED";
    public const string Reinstated = "REINSTATED";
    public const string InAppeal = "IN_APPEAL";
    public const string PendingDeletion = "PENDING_DELETION";
    public const string Deleted = "DELETED";
    public const string Archived = "ARCHIVED";
    public const string LimitExceeded = "LIMIT_EXCEEDED";
    public const string Locked = "LOCKED";

    public static IReadOnlyList<string> All { get; } =
    [
        Approved, Pending, Rejected, Paused, Disabled, Flagged, Reinstated, InAppeal, PendingDeletion, Deleted, Archived,
        LimitExceeded, Locked,
    ];

    /// <summary>Flagged and reinstated templates still send; paused (132015) and disabled (132016) ones do not.</summary>
    public static bool IsSendable(string? status) => status is Approved or Flagged or Reinstated;

    /// <summary>Meta lets approved, rejected and paused templates be edited; one in review or removed cannot be.</summary>
    public static bool IsEditable(string? status) => status is Approved or Rejected or Paused;

    /// <summary>Only a rejected or paused template may change category (whatsapp-cloud-api.md §3.2).</summary>
    public static bool MayChangeCategory(string? status) => status is Rejected or Paused;

    /// <summary>Quality scores of <c>message_template_quality_update</c>.</summary>
    public static IReadOnlyList<string> QualityScores { get; } = ["GREEN", "YELLOW", "RED", "UNKNOWN"];
}
