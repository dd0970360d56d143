using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Sandbox.Eum.Validation;
using WhatsAppHub.Sandbox.Eum.World;

namespace WhatsAppHub.Sandbox.Eum.Operations;

/// <summary>Meta's template library (browse, create from it) and template header media handles.</summary>
public sealed class TemplateLibraryOperations(SandboxWorld world, TimeProvider time, Templates.TemplateReview review) : IEumOperationGroup
{
    private static readonly string[] FilterKeys = ["searchKey", "topic", "usecase", "industry", "language"];

    public IEnumerable<EumOperation> Operations =>
    [
        new("ListWhatsAppTemplateLibrary", "POST", "/v1/whatsapp/template/library", ListLibrary),
        new("CreateWhatsAppMessageTemplateFromLibrary", "POST", "/v1/whatsapp/template/create", CreateFromLibrary),
        new("CreateWhatsAppMessageTemplateMedia", "POST", "/v1/whatsapp/template/media", CreateMedia),
    ];

    private JsonObject ListLibrary(InputReader input)
    {
        // Mixed binding: id in the query, paging and filters in the body.
        var id = input.QueryString("id", "id", Shapes.LinkedWhatsAppBusinessAccountId, required: true)!;
        var nextToken = input.String(input.Body, "nextToken", "nextToken", Shapes.NextToken);
        var maxResults = input.Int(input.Body, "maxResults", "maxResults", 1, 100);
        var filters = input.StringMap(input.Body, "filters", "filters", 10, Shapes.FilterKey, Shapes.FilterValue) ?? new Dictionary<string, string>();
        input.ThrowIfInvalid();

        var unknown = filters.Keys.Except(FilterKeys).ToList();
        if (unknown.Count > 0)
        {
            throw EumException.InvalidParameters($"Unsupported filter key(s): {string.Join(", ", unknown)}. Supported: {string.Join(", ", FilterKeys)}.");
        }

        return world.Locked(w =>
        {
            AccountOperations.RequireAccount(w, id);
            var matches = TemplateLibrary.All().Where(t => Matches(t, filters)).ToList();
            var (page, next) = Pagination.Page(matches, nextToken, maxResults, "library", defaultSize: 20);
            var output = new JsonObject { ["metaLibraryTemplates"] = new JsonArray(page.Select(t => (JsonNode)t).ToArray()) };
            if (next is not null)
            {
                output["nextToken"] = next;
            }
            return output;
        });
    }

    private JsonObject CreateFromLibrary(InputReader input)
    {
        const string p = "metaLibraryTemplate";
        var library = input.Object(input.Body, p, p, required: true);
        var id = input.String(input.Body, "id", "id", Shapes.LinkedWhatsAppBusinessAccountId, required: true)!;
        string? name = null, libraryName = null, category = null, language = null;
        if (library is not null)
        {
            name = input.String(library, "templateName", $"{p}.templateName", Shapes.MetaTemplateName, required: true);
            libraryName = input.String(library, "libraryTemplateName", $"{p}.libraryTemplateName", Shapes.MetaTemplateName, required: true);
            category = input.String(library, "templateCategory", $"{p}.templateCategory", Shapes.MetaTemplateCategory, required: true);
            language = input.String(library, "templateLanguage", $"{p}.templateLanguage", Shapes.MetaTemplateLanguage, required: true);
            ReadButtonInputs(input, library, $"{p}.libraryTemplateButtonInputs");
            ReadBodyInputs(input, library, $"{p}.libraryTemplateBodyInputs");
        }
        input.ThrowIfInvalid();

        var source = TemplateLibrary.All().FirstOrDefault(t => t["templateName"]!.GetValue<string>() == libraryName)
            ?? throw EumException.NotFound($"Library template {libraryName} was not found.");

        var created = world.Locked(w =>
        {
            var account = AccountOperations.RequireAccount(w, id);
            return w.AddTemplate(new MessageTemplate
            {
                MetaTemplateId = ResourceIds.NewNumeric(16),
                WabaId = account.Id,
                Name = name!,
                Language = language!,
                Category = category!.ToUpperInvariant(),
                Status = review.InitialStatus,
                Components = ComponentsOf(source),
                Extra = new JsonObject { ["library_template_name"] = libraryName },
            });
        });
        review.Schedule(created["metaTemplateId"]!.GetValue<string>());
        return created;
    }

    private JsonObject CreateMedia(InputReader input)
    {
        var id = input.String(input.Body, "id", "id", Shapes.LinkedWhatsAppBusinessAccountId, required: true)!;
        var file = input.S3File(input.Body, "sourceS3File");
        input.ThrowIfInvalid();

        if (file is null)
        {
            throw EumException.InvalidParameters("sourceS3File is required to upload template header media.");
        }
        var mimeType = MimeTypes.FromKey(file.Key);
        if (mimeType is null || !(mimeType.StartsWith("image/", StringComparison.Ordinal) || mimeType.StartsWith("video/", StringComparison.Ordinal) || mimeType == "application/pdf"))
        {
            throw EumException.InvalidParameters($"Template header media must be an image, a video or a PDF document; got S3 key '{file.Key}'.");
        }

        world.Locked(w => AccountOperations.RequireAccount(w, id));
        // Shaped like the handles of Meta's resumable upload API ("4::<base64 mime>:<token>:e:<expiry>:...").
        var expiry = time.GetUtcNow().AddDays(30).ToUnixTimeSeconds();
        var handle = $"4::{Convert.ToBase64String(Encoding.UTF8.GetBytes(mimeType))}:ARb{Token(48)}:e:{expiry}:{ResourceIds.NewNumeric(15)}:{ResourceIds.NewNumeric(15)}:ARa{Token(24)}";
        return new JsonObject { ["metaHeaderHandle"] = handle };
    }

    private static bool Matches(JsonObject template, IReadOnlyDictionary<string, string> filters)
    {
        string Field(string name) => template[name]?.GetValueKind() == JsonValueKind.String ? template[name]!.GetValue<string>() : "";
        foreach (var (key, value) in filters)
        {
            var ok = key switch
            {
                "searchKey" => Field("templateName").Contains(value, StringComparison.OrdinalIgnoreCase) || Field("templateBody").Contains(value, StringComparison.OrdinalIgnoreCase),
                "topic" => Field("templateTopic").Equals(value, StringComparison.OrdinalIgnoreCase),
                "usecase" => Field("templateUseCase").Equals(value, StringComparison.OrdinalIgnoreCase),
                "industry" => template["templateIndustry"]!.AsArray().Any(i => i!.GetValue<string>().Equals(value, StringComparison.OrdinalIgnoreCase)),
                "language" => Field("templateLanguage").Equals(value, StringComparison.OrdinalIgnoreCase),
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }
        return true;
    }

    private static JsonArray ComponentsOf(JsonObject library)
    {
        var components = new JsonArray();
        if (library["templateHeader"] is { } header)
        {
            components.Add(new JsonObject { ["type"] = "HEADER", ["format"] = "TEXT", ["text"] = header.GetValue<string>() });
        }
        components.Add(new JsonObject { ["type"] = "BODY", ["text"] = library["templateBody"]!.GetValue<string>() });
        var buttons = library["templateButtons"]!.AsArray();
        if (buttons.Count > 0)
        {
            components.Add(new JsonObject { ["type"] = "BUTTONS", ["buttons"] = buttons.DeepClone() });
        }
        return components;
    }

    private static void ReadButtonInputs(InputReader input, JsonObject library, string path)
    {
        foreach (var (button, itemPath) in input.ObjectList(library, "libraryTemplateButtonInputs", path) ?? [])
        {
            input.String(button, "type", $"{itemPath}.type", Shapes.ButtonType);
            input.String(button, "phoneNumber", $"{itemPath}.phoneNumber", Shapes.PhoneNumber);
            input.StringMap(button, "url", $"{itemPath}.url", 10, Shapes.UrlSuffixKey, Shapes.UrlSuffixValue);
            input.String(button, "otpType", $"{itemPath}.otpType", Shapes.OtpType);
            input.Bool(button, "zeroTapTermsAccepted", $"{itemPath}.zeroTapTermsAccepted");
            var apps = button["supportedApps"] as JsonArray;
            for (var i = 0; apps is not null && i < apps.Count; i++)
            {
                var app = apps[i] as JsonObject ?? throw EumException.Serialization($"Expected a map for member '{itemPath}.supportedApps.{i + 1}.member'.");
                input.StringMap(new JsonObject { ["app"] = app.DeepClone() }, "app", $"{itemPath}.supportedApps.{i + 1}.member", 10, Shapes.SupportedAppKey, Shapes.SupportedAppValue);
            }
        }
    }

    private static void ReadBodyInputs(InputReader input, JsonObject library, string path)
    {
        var body = input.Object(library, "libraryTemplateBodyInputs", path);
        if (body is null)
        {
            return;
        }
        foreach (var flag in new[] { "addContactNumber", "addLearnMoreLink", "addSecurityRecommendation", "addTrackPackageLink" })
        {
            input.Bool(body, flag, $"{path}.{flag}");
        }
        input.Int(body, "codeExpirationMinutes", $"{path}.codeExpirationMinutes");
    }

    private static string Token(int length) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(length)).Replace('+', '-').Replace('/', '_').TrimEnd('=')[..length];
}
