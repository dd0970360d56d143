using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Functions.Campaigns;

/// <summary>
/// Reads a CSV audience (RFC 4180: comma-separated, fields with commas, quotes or line breaks in double quotes, a
/// quote inside doubled; UTF-8, a byte-order mark ignored). The header row names the columns: <c>to</c> (required),
/// and one column per template value, named by its place in the values object the template send routes take:
/// <list type="bullet">
/// <item><c>body.first_name</c>, <c>header.order_id</c>: a named variable; <c>body.1</c>, <c>header.1</c>: positional
/// variable <c>{{1}}</c>; deeper names give an object value (<c>header.image.link</c>, <c>body.2.currency.amount_1000</c>).</item>
/// <item><c>buttons.0</c>: the value of the button at index 0 (a URL suffix, a coupon code, a payload);
/// <c>buttons.0.thumbnail_product_retailer_id</c>: a member of an object value.</item>
/// <item><c>cards.0.body.1</c>, <c>cards.1.header.image.link</c>: a carousel card's values (cards from 0).</item>
/// <item><c>code</c>, <c>expiration_time_ms</c>, <c>tap_target.url</c>, <c>tap_target.title</c>.</item>
/// </list>
/// An empty cell gives no value. <c>expiration_time_ms</c>, <c>amount_1000</c>, <c>latitude</c> and <c>longitude</c>
/// cells are numbers. Rows are numbered as a spreadsheet shows them: the header is <c>csv.row[1]</c>, the first
/// recipient <c>csv.row[2]</c>; errors name <c>csv.row[n].{column}</c> (or the value's path under <c>csv.row[n]</c>),
/// header errors <c>csv.column[n]</c> (from 1).
/// </summary>
public static class CampaignCsv
{
    private static readonly HashSet<string> Roots = ["to", "header", "body", "buttons", "cards", "code", "expiration_time_ms", "tap_target"];
    private static readonly HashSet<string> ScopeRoots = ["header", "body", "buttons"];
    private static readonly HashSet<string> NumericLeaves = ["expiration_time_ms", "amount_1000", "latitude", "longitude"];

    public static string RowPath(int row) => $"csv.row[{row.ToString(CultureInfo.InvariantCulture)}]";

    /// <summary>The recipients of the file, or null with <paramref name="errors"/> naming what is wrong (stopping at <paramref name="maxErrors"/>).</summary>
    public static IReadOnlyList<AudienceEntry>? Read(ReadOnlySpan<byte> utf8, int maxRecipients, int maxErrors, ValidationErrors errors)
    {
        if (!Utf8.IsValid(utf8))
        {
            errors.Add("csv", "encoding", "The CSV file is not valid UTF-8 text.");
            return null;
        }
        var text = Encoding.UTF8.GetString(utf8).TrimStart('\uFEFF');
        var rows = Parse(text, maxRecipients + 1, errors);
        if (rows is null) return null;
        if (rows.Count == 0)
        {
            errors.Add("csv", "required", "The CSV file is empty; its first row names the columns (to, then the template's values).");
            return null;
        }
        var header = rows[0];
        if (!CheckHeader(header, errors)) return null;
        if (rows.Count == 1)
        {
            errors.Add("csv", "minItems", "The CSV file has a header but no recipients.");
            return null;
        }
        if (rows.Count > maxRecipients + 1)
        {
            errors.Add("csv", "maxItems", $"A campaign has at most {maxRecipients} recipients.");
            return null;
        }

        var toColumn = header.IndexOf("to");
        var entries = new List<AudienceEntry>(rows.Count - 1);
        for (var r = 1; r < rows.Count && errors.All.Count <= maxErrors; r++)
        {
            var cells = rows[r];
            var path = RowPath(r + 1);
            if (cells.Count != header.Count)
            {
                errors.Add(path, "columns", $"Row {r + 1} has {cells.Count} fields; the header names {header.Count}.");
                continue;
            }
            var values = new JsonObject();
            for (var c = 0; c < header.Count; c++)
                if (c != toColumn && cells[c].Length > 0)
                    Place(values, header[c].Split('.'), Leaf(header[c], cells[c]));
            entries.Add(new AudienceEntry(cells[toColumn], values.Count > 0 ? values : null, path, JsonPath.Member(path, "to"), path));
        }
        return entries;
    }

    /// <summary>Each column name must be a known place, given once, and fit with the others (not both <c>body.1</c> and <c>body.name</c>).</summary>
    private static bool CheckHeader(List<string> header, ValidationErrors errors)
    {
        var before = errors.All.Count;
        var probe = new JsonObject();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < header.Count; c++)
        {
            var path = $"csv.column[{(c + 1).ToString(CultureInfo.InvariantCulture)}]";
            var name = header[c].Trim();
            header[c] = name;
            var segments = name.Split('.');
            if (!seen.Add(name))
                errors.Add(path, "duplicate", $"Column '{name}' appears twice.");
            else if (segments.Any(s => s.Length == 0 || !s.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '_')))
                errors.Add(path, "pattern", $"Column '{name}' must be 'to' or a value's place such as body.first_name, body.1, header.image.link or buttons.0 (lower-case letters, digits, '_', parts joined by '.').");
            else if (!Roots.Contains(segments[0]) || segments[0] == "to" && segments.Length > 1)
                errors.Add(path, "unknownColumn", $"Column '{name}' names no template value; columns start with one of: {string.Join(", ", Roots)}.");
            else if (segments[0] != "to" && !Place(probe, segments, JsonValue.Create("x")))
                errors.Add(path, "column", $"Column '{name}' does not fit: another column gives its place a different shape, or a number is out of place (variables from 1, buttons and cards from 0).");
        }
        if (!seen.Contains("to")) errors.Add("csv.column", "required", "The header must name a 'to' column with each recipient's phone number.");
        return errors.All.Count == before;
    }

    private static JsonNode Leaf(string column, string cell)
    {
        var last = column[(column.LastIndexOf('.') + 1)..];
        if (NumericLeaves.Contains(last))
        {
            if (long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)) return JsonValue.Create(whole);
            if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)) return JsonValue.Create(number);
        }
        return JsonValue.Create(cell);
    }

    /// <summary>Puts <paramref name="leaf"/> at the place the column names; false when the place clashes with what is there.</summary>
    private static bool Place(JsonObject values, string[] segments, JsonNode leaf)
    {
        if (segments[0] == "cards")
        {
            if (segments.Length < 3 || !Index(segments[1], 0, out var card) || !ScopeRoots.Contains(segments[2])) return false;
            var cards = values["cards"] as JsonArray ?? (JsonArray)(values["cards"] = new JsonArray());
            while (cards.Count <= card) cards.Add(new JsonObject());
            return cards[card] is JsonObject scope && PlaceInScope(scope, segments[2..], leaf);
        }
        return ScopeRoots.Contains(segments[0]) ? PlaceInScope(values, segments, leaf) : PlaceMember(values, segments, leaf);
    }

    private static bool PlaceInScope(JsonObject scope, string[] segments, JsonNode leaf)
    {
        if (segments.Length < 2) return false;
        var root = segments[0];
        if (root == "buttons")
        {
            if (!Index(segments[1], 0, out var index)) return false;
            var buttons = scope["buttons"] as JsonArray ?? (JsonArray)(scope["buttons"] = new JsonArray());
            var button = buttons.OfType<JsonObject>().FirstOrDefault(b => (int?)b["index"] == index);
            if (button is null) buttons.Add(button = new JsonObject { ["index"] = index });
            if (segments.Length == 2)
            {
                if (button.ContainsKey("value")) return false;
                button["value"] = leaf;
                return true;
            }
            var value = button["value"] as JsonObject ?? (button.ContainsKey("value") ? null : (JsonObject)(button["value"] = new JsonObject()));
            return value is not null && PlaceMember(value, segments[2..], leaf);
        }
        if (segments[1].All(char.IsAsciiDigit))
        {
            // Positional: {{n}} is the array's item n - 1.
            if (!Index(segments[1], 1, out var position) || scope[root] is JsonObject) return false;
            var items = scope[root] as JsonArray ?? (JsonArray)(scope[root] = new JsonArray());
            while (items.Count < position) items.Add(null);
            if (segments.Length == 2)
            {
                if (items[position - 1] is not null) return false;
                items[position - 1] = leaf;
                return true;
            }
            var item = items[position - 1] as JsonObject ?? (items[position - 1] is null ? (JsonObject)(items[position - 1] = new JsonObject()) : null);
            return item is not null && PlaceMember(item, segments[2..], leaf);
        }
        if (scope[root] is JsonArray) return false;
        var named = scope[root] as JsonObject ?? (JsonObject)(scope[root] = new JsonObject());
        return PlaceMember(named, segments[1..], leaf);
    }

    private static bool PlaceMember(JsonObject target, string[] segments, JsonNode leaf)
    {
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (target[segments[i]] is JsonObject next) target = next;
            else if (target.ContainsKey(segments[i])) return false;
            else target = (JsonObject)(target[segments[i]] = new JsonObject());
        }
        if (target.ContainsKey(segments[^1])) return false;
        target[segments[^1]] = leaf;
        return true;
    }

    private static bool Index(string text, int min, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= 100;

    /// <summary>RFC 4180 records; blank lines are skipped. Null (with an error) for an unclosed quote or too many rows.</summary>
    private static List<List<string>>? Parse(string text, int maxRows, ValidationErrors errors)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var fieldStarted = false;
        var line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else quoted = false;
                }
                else
                {
                    if (ch == '\n') line++;
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    fieldStarted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r' or '\n':
                    if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                    line++;
                    if (fieldStarted || field.Length > 0 || row.Count > 0)
                    {
                        row.Add(field.ToString());
                        rows.Add(row);
                        if (rows.Count > maxRows) return rows;
                    }
                    row = [];
                    field.Clear();
                    fieldStarted = false;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }
        if (quoted)
        {
            errors.Add("csv", "csv", $"A quoted field opened before line {line} is never closed.");
            return null;
        }
        if (fieldStarted || field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }
        return rows;
    }
}

/// <summary>One recipient as the request gave it, with where its parts are named in errors.</summary>
/// <param name="Path">The recipient's own path (<c>$.recipients[3]</c>, <c>csv.row[4]</c>).</param>
/// <param name="ValuesPath">Where its values are named (<c>$.recipients[3].values</c>, <c>csv.row[4]</c>).</param>
public sealed record AudienceEntry(string To, JsonNode? Values, string Path, string ToPath, string ValuesPath);
