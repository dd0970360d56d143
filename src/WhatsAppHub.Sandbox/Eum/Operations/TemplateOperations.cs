using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WhatsAppHub.Sandbox.Eum.Validation;
using WhatsAppHub.Sandbox.Eum.World;

namespace WhatsAppHub.Sandbox.Eum.Operations;

/// <summary>Create / list / get / update / delete of a WABA's message templates, with Meta's rules on names and duplicates.</summary>
public sealed partial class TemplateOperations(SandboxWorld world, Templates.TemplateReview review) : IEumOperationGroup
{
    private static readonly string[] Categories = ["UTILITY", "MARKETING", "AUTHENTICATION"];

    public IEnumerable<EumOperation> Operations =>
    [
        new("CreateWhatsAppMessageTemplate", "POST", "/v1/whatsapp/template/put", Create),
        new("ListWhatsAppMessageTemplates", "GET", "/v1/whatsapp/template/list", List),
        new("GetWhatsAppMessageTemplate", "GET", "/v1/whatsapp/template", Get),
        new("UpdateWhatsAppMessageTemplate", "POST", "/v1/whatsapp/template", Update),
        new("DeleteWhatsAppMessageTemplate", "DELETE", "/v1/whatsapp/template", Delete),
    ];

    private JsonObject Create(InputReader input)
    {
        var definitionBytes = input.Blob(input.Body, "templateDefinition", "templateDefinition", 1, 6000, required: true);
        var id = input.String(input.Body, "id", "id", Shapes.LinkedWhatsAppBusinessAccountId, required: true)!;
        input.ThrowIfInvalid();

        var definition = ParseJson(definitionBytes!, "templateDefinition") as JsonObject
            ?? throw EumException.InvalidParameters("templateDefinition must be a JSON object (Meta's template format).");
        var name = MetaString(definition, "name");
        var language = MetaString(definition, "language");
        var category = CheckCategory(MetaString(definition, "category"));
        if (!TemplateName().IsMatch(name))
        {
            throw EumException.InvalidParameters("(#100) Invalid parameter: name may contain only lowercase letters, digits and underscores.");
        }

        var extra = new JsonObject();
        foreach (var (key, value) in definition)
        {
            if (key is not ("name" or "language" or "category" or "components" or "parameter_format"))
            {
                extra[key] = value?.DeepClone();
            }
        }

        var created = world.Locked(w =>
        {
            var account = AccountOperations.RequireAccount(w, id);
            return w.AddTemplate(new MessageTemplate
            {
                MetaTemplateId = ResourceIds.NewNumeric(16),
                WabaId = account.Id,
                Name = name,
                Language = language,
                Category = category,
                Status = review.InitialStatus,
                ParameterFormat = definition["parameter_format"]?.GetValueKind() == JsonValueKind.String ? definition["parameter_format"]!.GetValue<string>() : null,
                Components = definition["components"] as JsonArray is { } components ? (JsonArray)components.DeepClone() : [],
                Extra = extra,
            });
        });
        review.Schedule(created["metaTemplateId"]!.GetValue<string>());
        return created;
    }

    private JsonObject List(InputReader input)
    {
        var id = input.QueryString("id", "id", Shapes.LinkedWhatsAppBusinessAccountId, required: true)!;
        var nextToken = input.QueryString("nextToken", "nextToken", Shapes.NextToken);
        var maxResults = input.QueryInt("maxResults", "maxResults", 1, 100);
        input.ThrowIfInvalid();

        return world.Locked(w =>
        {
            var account = AccountOperations.RequireAccount(w, id);
            var templates = w.Templates.Where(t => t.WabaId == account.Id).ToList();
            var (page, next) = Pagination.Page(templates, nextToken, maxResults, "templates:" + account.Id);
            var output = new JsonObject { ["templates"] = new JsonArray(page.Select(t => (JsonNode)t.ToSummaryJson()).ToArray()) };
            if (next is not null)
            {
                output["nextToken"] = next;
            }
            return output;
        });
    }

    private JsonObject Get(InputReader input)
    {
        var metaTemplateId = input.QueryString("metaTemplateId", "metaTemplateId", Shapes.MetaTemplateId);
        var id = input.QueryString("id", "id", Shapes.LinkedWhatsAppBusinessAccountId, required: true)!;
        var name = input.QueryString("templateName", "templateName", Shapes.MetaTemplateName);
        var language = input.QueryString("templateLanguageCode", "templateLanguageCode", Shapes.MetaTemplateLanguage);
        input.ThrowIfInvalid();

        return world.Locked(w => new JsonObject { ["template"] = Find(w, id, metaTemplateId, name, language).ToMetaJson().ToJsonString() });
    }

    private JsonObject Update(InputReader input)
    {
        var body = input.Body;
        var id = input.String(body, "id", "id", Shapes.LinkedWhatsAppBusinessAccountId, required: true)!;
        var metaTemplateId = input.String(body, "metaTemplateId", "metaTemplateId", Shapes.MetaTemplateId);
        var name = input.String(body, "templateName", "templateName", Shapes.MetaTemplateName);
        var language = input.String(body, "templateLanguageCode", "templateLanguageCode", Shapes.MetaTemplateLanguage);
        var parameterFormat = input.String(body, "parameterFormat", "parameterFormat", Shapes.MetaParameterFormat);
        var category = input.String(body, "templateCategory", "templateCategory", Shapes.MetaTemplateCategory);
        var componentBytes = input.Blob(body, "templateComponents", "templateComponents", 1, 3000);
        var trackingOptedOut = input.Bool(body, "ctaUrlLinkTrackingOptedOut", "ctaUrlLinkTrackingOptedOut");
        input.ThrowIfInvalid();

        if (parameterFormat is not null && parameterFormat.ToLowerInvariant() is not ("named" or "positional"))
        {
            throw EumException.InvalidParameters("parameterFormat must be 'named' or 'positional'.");
        }
        var components = componentBytes is null ? null : ParseJson(componentBytes, "templateComponents") switch
        {
            JsonArray array => array,
            JsonObject obj when obj["components"] is JsonArray array => (JsonArray)array.DeepClone(),
            _ => throw EumException.InvalidParameters("templateComponents must be a JSON array of template components."),
        };
        var newCategory = category is null ? null : CheckCategory(category);

        var edited = world.Locked(w =>
        {
            var template = Find(w, id, metaTemplateId, name, language);
            if (newCategory is not null)
            {
                template.Category = newCategory;
            }
            if (components is not null)
            {
                template.Components = components;
            }
            if (parameterFormat is not null)
            {
                template.ParameterFormat = parameterFormat;
            }
            if (trackingOptedOut is not null)
            {
                template.CtaUrlLinkTrackingOptedOut = trackingOptedOut.Value;
            }
            // An edit sends the template back to review, as Meta does (when reviews are played at all).
            if (review.InitialStatus == "PENDING" && (newCategory is not null || components is not null || parameterFormat is not null))
            {
                template.Status = "PENDING";
                return template.MetaTemplateId;
            }
            return null;
        });
        if (edited is not null)
        {
            review.Schedule(edited);
        }
        return new JsonObject();
    }

    private JsonObject Delete(InputReader input)
    {
        var metaTemplateId = input.QueryString("metaTemplateId", "metaTemplateId", Shapes.MetaTemplateId);
        // The member deleteAllLanguages travels as query parameter deleteAllTemplates.
        var deleteAll = input.QueryBool("deleteAllTemplates", "deleteAllLanguages") ?? false;
        var id = input.QueryString("id", "id", Shapes.LinkedWhatsAppBusinessAccountId, required: true)!;
        var name = input.QueryString("templateName", "templateName", Shapes.MetaTemplateName, required: true)!;
        input.ThrowIfInvalid();

        return world.Locked(w =>
        {
            var account = AccountOperations.RequireAccount(w, id);
            // Meta deletes every language of a name unless one template id is given.
            bool Matches(MessageTemplate t) => t.WabaId == account.Id && t.Name == name && (deleteAll || metaTemplateId is null || t.MetaTemplateId == metaTemplateId);
            if (w.Templates.RemoveAll(Matches) == 0)
            {
                throw EumException.NotFound($"Template {name}{(metaTemplateId is null ? "" : $" ({metaTemplateId})")} was not found.");
            }
            return new JsonObject();
        });
    }

    private static MessageTemplate Find(SandboxWorld w, string wabaId, string? metaTemplateId, string? name, string? language)
    {
        var account = AccountOperations.RequireAccount(w, wabaId);
        if (metaTemplateId is null && (name is null || language is null))
        {
            throw EumException.InvalidParameters("Identify the template by metaTemplateId, or by templateName and templateLanguageCode.");
        }
        return w.Templates.FirstOrDefault(t => t.WabaId == account.Id
                   && (metaTemplateId is not null ? t.MetaTemplateId == metaTemplateId : t.Name == name && t.Language == language))
               ?? throw EumException.NotFound($"Template {metaTemplateId ?? $"{name} ({language})"} was not found.");
    }

    private static JsonNode? ParseJson(byte[] bytes, string member)
    {
        try
        {
            return JsonNode.Parse(Encoding.UTF8.GetString(bytes));
        }
        catch (JsonException)
        {
            throw EumException.InvalidParameters($"{member} is not valid JSON.");
        }
    }

    private static string MetaString(JsonObject definition, string key) =>
        definition[key]?.GetValueKind() == JsonValueKind.String && definition[key]!.GetValue<string>().Length > 0
            ? definition[key]!.GetValue<string>()
            : throw EumException.InvalidParameters($"(#100) The parameter {key} is required.");

    private static string CheckCategory(string category)
    {
        var upper = category.ToUpperInvariant();
        return Categories.Contains(upper) ? upper : throw EumException.InvalidParameters($"(#100) Invalid template category '{category}'; expected one of {string.Join(", ", Categories)}.");
    }

    [GeneratedRegex("^[a-z0-9_]{1,512}$")]
    private static partial Regex TemplateName();
}
