using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>
/// List messages (§1.7.2): <c>action.button</c> ≤ 20; 1–10 sections with at most 10 rows in total; a section
/// title (≤ 24) when there are several sections; rows with a unique id (≤ 200), title (≤ 24) and optional
/// description (≤ 72). Text header only.
/// </summary>
public sealed class ListRules : IInteractiveTypeRules
{
    public const int MaxButtonLength = 20;
    public const int MaxSections = 10;
    public const int MaxRowsTotal = 10;
    public const int MaxSectionTitleLength = 24;
    public const int MaxRowIdLength = 200;
    public const int MaxRowTitleLength = 24;
    public const int MaxRowDescriptionLength = 72;

    private static readonly HashSet<string> ActionMembers = ["button", "sections"];
    private static readonly HashSet<string> SectionMembers = ["title", "rows"];
    private static readonly HashSet<string> RowMembers = ["id", "title", "description"];

    public string Type => "list";

    public InteractiveParts Parts => InteractiveParts.TextHeader;

    public void ValidateAction(JsonObject action, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(action, path, errors, ActionMembers);
        JsonRules.String(action, "button", path, errors, required: true, minLength: 1, maxLength: MaxButtonLength);
        var sections = JsonRules.Array(action, "sections", path, errors, required: true, minCount: 1, maxCount: MaxSections);
        if (sections is null) return;
        var sectionsPath = JsonPath.Member(path, "sections");
        var rowIds = new DistinctValues("row id");
        var totalRows = 0;
        foreach (var (section, sectionPath) in JsonRules.Objects(sections, sectionsPath, errors))
        {
            JsonRules.OnlyKnownMembers(section, sectionPath, errors, SectionMembers);
            JsonRules.String(section, "title", sectionPath, errors, required: sections.Count > 1, minLength: 1, maxLength: MaxSectionTitleLength);
            var rows = JsonRules.Array(section, "rows", sectionPath, errors, required: true, minCount: 1);
            if (rows is null) continue;
            totalRows += rows.Count;
            foreach (var (row, rowPath) in JsonRules.Objects(rows, JsonPath.Member(sectionPath, "rows"), errors))
            {
                JsonRules.OnlyKnownMembers(row, rowPath, errors, RowMembers);
                rowIds.Check(JsonRules.String(row, "id", rowPath, errors, required: true, minLength: 1, maxLength: MaxRowIdLength),
                    JsonPath.Member(rowPath, "id"), errors);
                JsonRules.String(row, "title", rowPath, errors, required: true, minLength: 1, maxLength: MaxRowTitleLength);
                JsonRules.String(row, "description", rowPath, errors, required: false, minLength: 1, maxLength: MaxRowDescriptionLength);
            }
        }
        if (totalRows > MaxRowsTotal)
            errors.Add(sectionsPath, "maxTotalItems", $"A list may hold at most {MaxRowsTotal} rows across all sections (has {totalRows}).");
    }
}
