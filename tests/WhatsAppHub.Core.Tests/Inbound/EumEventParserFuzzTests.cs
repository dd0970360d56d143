using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Core.Inbound;
using static WhatsAppHub.Core.Tests.Inbound.GoldenEvents;

namespace WhatsAppHub.Core.Tests.Inbound;

/// <summary>
/// Mutated golden events (dropped, replaced and duplicated properties, wrong JSON kinds, huge numbers, deep nesting,
/// invalid UTF-16 escapes, truncation): the parser never throws, and every item of every change it could read lands in
/// exactly one of Messages, Statuses, Payments, Errors, AccountEvents or Unknown. Seeded, so a failure names its iteration.
/// </summary>
public class EumEventParserFuzzTests
{
    private const int Iterations = 30_000;

    private static readonly string[] Seeds =
    [
        Entry(null, ("messages", MessagesValue("""
            "contacts":[{"profile":{"name":"Mara"},"wa_id":"4915255501111"},{"profile":{"name":"Jonas"},"wa_id":"4915255502222"}],
            "messages":[
              {"from":"4915255501111","id":"wamid.1","timestamp":"1767600000","type":"text","text":{"body":"hi"},"context":{"from":"4930555501234","id":"wamid.0","forwarded":true,"referred_product":{"catalog_id":"55","product_retailer_id":"SKU"}}},
              {"from":"4915255502222","group_id":"GRP","id":"wamid.2","timestamp":"1767600001","type":"audio","audio":{"id":"44","mime_type":"audio/ogg","voice":true}},
              {"from":"4915255501111","id":"wamid.3","timestamp":"1767600002","type":"interactive","interactive":{"type":"nfm_reply","nfm_reply":{"name":"flow","body":"Sent","response_json":"{\"flow_token\":\"t-1\"}"}}},
              {"from":"4915255501111","id":"wamid.4","timestamp":"1767600003","type":"interactive","interactive":{"type":"call_permission_reply","call_permission_reply":{"response":"accept","is_permanent":false,"expiration_timestamp":1768204800}}},
              {"from":"4915255501111","id":"wamid.5","timestamp":"1767600004","type":"order","order":{"catalog_id":"55","product_items":[{"product_retailer_id":"SKU","quantity":2,"item_price":12.5,"currency":"EUR"}]}},
              {"from":"4915255501111","id":"wamid.6","timestamp":"1767600005","type":"location","location":{"latitude":51.5,"longitude":-0.1,"name":"Home"}},
              {"from":"4915255501111","id":"wamid.7","timestamp":"1767600006","type":"contacts","contacts":[{"name":{"formatted_name":"Sam"}}]},
              {"from":"4915255501111","id":"wamid.8","timestamp":"1767600007","type":"unsupported","errors":[{"code":131051,"title":"x"}],"unsupported":{"type":"poll"}},
              {"from":"4915255501111","id":"wamid.9","timestamp":"1767600008","type":"image","image":{"id":"33","caption":"c"},"referral":{"source_url":"u","source_id":"1","ctwa_clid":"c","welcome_message":{"text":"w"}}},
              {"from":"4915255501111","id":"wamid.10","timestamp":"1767600009","type":"reaction","reaction":{"message_id":"wamid.0","emoji":"x"}},
              {"from":"4915255501111","id":"wamid.11","timestamp":"1767600010","type":"system","system":{"body":"b","wa_id":"49","type":"user_changed_number"}},
              {"from":"4915255501111","id":"wamid.12","timestamp":"1767600011","type":"button","button":{"payload":"p","text":"t"}},
              {"from":"4915255501111","id":"wamid.13","timestamp":"1767600012","type":"request_welcome"}],
            "statuses":[
              {"id":"wamid.OUT","status":"sent","timestamp":"1767600200","recipient_id":"4915255501111","conversation":{"id":"c","expiration_timestamp":"1767686600","origin":{"type":"marketing"}},"pricing":{"billable":true,"pricing_model":"PMP","type":"regular","category":"authentication-international"}},
              {"id":"wamid.OUT2","status":"failed","timestamp":"1767600300","recipient_id":"GRP","recipient_type":"group","recipient_participant_id":"49","errors":[{"code":"131049","title":"t","error_data":{"details":"d"}}]}],
            "errors":[{"code":130429,"title":"Rate limit hit"}]
            """)), ("messages", MessagesValue(""" "statuses":[{"id":"wamid.OUT3","status":"read","timestamp":1767600400}]"""))),
        Entry(1767601000,
            ("account_update", """{"event":"PARTNER_APP_INSTALLED","waba_info":{"waba_id":"1"}}"""),
            ("message_template_status_update", """{"previous_quality_score":"GREEN","new_quality_score":"RED","message_template_id":12}"""),
            ("template_category_update", """{"message_template_id":12,"new_category":"UTILITY","correct_category":"MARKETING"}"""),
            ("business_capability_update", """{"max_daily_conversations_per_business":10000}"""),
            ("user_preferences", """{"user_preferences":[{"wa_id":"4915255501111","value":"stop","timestamp":1767601200}]}"""),
            ("calls", """{"calls":[{"id":"wacid.1","event":"terminate","status":"COMPLETED","timestamp":"1767601300"}]}"""),
            ("group_participants_update", """{"groups":[{"group_id":"GRP","type":"group_participants_add","timestamp":"1767601400"}]}"""),
            ("security", """{"display_phone_number":"4930555501234","event":"PIN_CHANGED"}"""),
            ("brand_new_field", """{"x":[1,2,{"y":null}]}""")),
    ];

    /// <summary>Values of the wrong kind, too big, too deep or not valid UTF-16, written raw so the writer cannot refuse them.</summary>
    private static readonly string[] OddValues =
    [
        "null", "true", "false", "0", "-1", "1e400", "-1e400", "123456789012345678901234567890", "99999999999999999999", "1.5e-400",
        "\"\"", "\"\\uD800\"", "\"\\uDC00x\"", "\"a\\uD800\\uD800b\"", "\"\\u0000\"", "{}", "[]", "[{}]", "[null,1,\"x\"]",
        new string('[', 70) + new string(']', 70), new string('[', 40) + new string(']', 40), "{\"a\":" + new string('[', 30) + new string(']', 30) + "}",
        "\"" + new string('x', 5000) + "\"",
    ];

    [Fact]
    public void Mutated_events_never_throw_and_every_item_lands_once()
    {
        var random = new Random(20260105);
        int events = 0, messages = 0, unknown = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var entry = JsonNode.Parse(Seeds[random.Next(Seeds.Length)])!;
            for (var m = random.Next(1, 6); m > 0; m--) entry = MutateTree(entry, random);
            var entryText = Write(entry, random);
            if (random.Next(20) == 0) entryText = entryText[..random.Next(entryText.Length)];
            var message = Envelope(entryText);
            if (random.Next(20) == 0) message = MutateEnvelope(message, random);

            EumEventParseResult result;
            try
            {
                result = EumEventParser.Parse(message);
            }
            catch (Exception e)
            {
                Assert.Fail($"Iteration {i} threw {e.GetType().Name}: {e.Message}\n{message}");
                return;
            }
            Assert.True(result.Event is not null ^ result.Error is not null, $"Iteration {i}: exactly one of Event and Error.");
            if (result.Event is not { } evt) continue;

            events++;
            messages += evt.Messages.Count;
            unknown += evt.Unknown.Count;
            var (items, accountChanges) = ExpectedCounts(entryText);
            var landed = evt.Messages.Count + evt.Statuses.Count + evt.Payments.Count + evt.Errors.Count + evt.AccountEvents.Count + evt.Unknown.Count;
            Assert.True(items == landed, $"Iteration {i}: {items} items, {landed} landed.\n{entryText}");
            Assert.True(accountChanges == evt.AccountEvents.Count, $"Iteration {i}: {accountChanges} account changes, {evt.AccountEvents.Count} account events.");
            foreach (var m in evt.Messages) _ = (m.Content.Summary, evt.EumPhoneNumberFor(m.MetaPhoneNumberId));
        }
        // The mutations must leave most events readable, or the count check above proves nothing.
        Assert.True(events > Iterations / 2, $"Only {events} of {Iterations} mutated events were readable.");
        Assert.True(messages > Iterations && unknown > Iterations / 10, $"{messages} messages, {unknown} unknown items.");
    }

    /// <summary>What the parser must account for, counted independently: one item per unreadable change, per non-messages
    /// change, per messages[]/statuses[]/errors[] element, and one for a messages change that has none of them.</summary>
    private static (int Items, int AccountChanges) ExpectedCounts(string entryText)
    {
        using var document = JsonDocument.Parse(entryText, new JsonDocumentOptions { MaxDepth = 64 });
        if (!document.RootElement.TryGetProperty("changes", out var changes) || changes.ValueKind != JsonValueKind.Array) return (1, 0);
        int items = 0, account = 0;
        foreach (var change in changes.EnumerateArray())
        {
            if (change.ValueKind != JsonValueKind.Object || !change.TryGetProperty("field", out var field) || field.ValueKind != JsonValueKind.String
                || !change.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object)
            {
                items++;
                continue;
            }
            if (field.ValueEquals("messages"))
            {
                var listed = Length(value, "messages") + Length(value, "statuses") + Length(value, "errors");
                items += Math.Max(listed, 1);
            }
            else
            {
                items++;
                account++;
            }
        }
        return (items, account);
    }

    private static int Length(JsonElement value, string name) =>
        value.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.GetArrayLength() : 0;

    /// <summary>One structural change at a random node: drop a property or element, replace a value with another kind,
    /// wrap it in an array, or put an odd value (written raw later) in its place.</summary>
    private static JsonNode MutateTree(JsonNode root, Random random)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = nodes[random.Next(nodes.Count)];
        if (target.Parent is not { } parent) return random.Next(4) == 0 ? new JsonArray(root) : root;
        JsonNode? replacement = random.Next(6) switch
        {
            0 => null,
            1 => JsonValue.Create(random.Next(-5, 5)),
            2 => JsonValue.Create("x"),
            3 => new JsonObject(),
            4 => new JsonArray(target.DeepClone()),
            _ => JsonValue.Create(OddPrefix + random.Next(OddValues.Length)),
        };
        var drop = random.Next(3) == 0;
        switch (parent)
        {
            case JsonObject obj:
                var name = target.GetPropertyName();
                if (drop) obj.Remove(name);
                else obj[name] = replacement;
                break;
            case JsonArray array:
                var index = target.GetElementIndex();
                if (drop) array.RemoveAt(index);
                else if (random.Next(2) == 0) array.Insert(index, replacement);
                else array[index] = replacement;
                break;
        }
        return root;
    }

    private const string OddPrefix = "\u0001odd:";

    private static void Collect(JsonNode node, List<JsonNode> nodes)
    {
        nodes.Add(node);
        if (node is JsonObject obj) foreach (var (_, child) in obj) { if (child is not null) Collect(child, nodes); }
        else if (node is JsonArray array) foreach (var child in array) { if (child is not null) Collect(child, nodes); }
    }

    /// <summary>Writes the tree, sometimes twice per property (duplicates), with odd values written raw.</summary>
    private static string Write(JsonNode node, Random random)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true, MaxDepth = 1000 }))
            WriteNode(writer, node, random);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node, Random random)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, child) in obj)
                {
                    writer.WritePropertyName(name);
                    WriteNode(writer, child, random);
                    if (random.Next(50) != 0) continue;
                    writer.WritePropertyName(name);
                    WriteNode(writer, random.Next(2) == 0 ? child : null, random);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var child in array) WriteNode(writer, child, random);
                writer.WriteEndArray();
                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.StartsWith(OddPrefix, StringComparison.Ordinal):
                writer.WriteRawValue(OddValues[int.Parse(text[OddPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture)], skipInputValidation: true);
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    /// <summary>Breaks the EUM envelope itself: cut it, drop or retype a member, or make the entry a non-string.</summary>
    private static string MutateEnvelope(string message, Random random)
    {
        if (random.Next(3) == 0) return message[..random.Next(message.Length)];
        var envelope = JsonNode.Parse(message)!.AsObject();
        var names = envelope.Select(p => p.Key).ToList();
        var name = names[random.Next(names.Count)];
        envelope[name] = random.Next(3) switch
        {
            0 => null,
            1 => new JsonArray(1, "x"),
            _ => JsonValue.Create(random.Next()),
        };
        return envelope.ToJsonString();
    }
}
