using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Core.Templates;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Templates;

/// <summary>
/// Meta's template library: <c>GET /api/templates/library</c> browses it (ListWhatsAppTemplateLibrary) and
/// <c>POST /api/templates/library/{libraryName}</c> copies one into the account under a name of the caller's
/// (CreateWhatsAppMessageTemplateFromLibrary), with the button and body customizations Meta allows.
/// </summary>
public sealed class TemplateLibraryHandler(ISocialMessaging eum, WabaResolver wabas, TemplateStore store, TemplateSync sync, TimeProvider clock,
    ILogger<TemplateLibraryHandler> logger)
{
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>EUM pages the library by at most 100.</summary>
    public const int MaxLimit = 100;

    /// <summary>The query parameters and the EUM filter key each becomes.</summary>
    private static readonly (string Query, string Filter)[] Filters =
        [("search", "searchKey"), ("topic", "topic"), ("usecase", "usecase"), ("industry", "industry"), ("language", "language")];

    private static readonly HashSet<string> Known = ["name", "language", "category", "bodyInputs", "buttonInputs"];
    private static readonly HashSet<string> BodyInputs = ["addContactNumber", "addLearnMoreLink", "addSecurityRecommendation", "addTrackPackageLink", "codeExpirationMinutes"];
    private static readonly HashSet<string> ButtonInputs = ["type", "phoneNumber", "url", "otpType", "zeroTapTermsAccepted", "supportedApps"];

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var given = WabaResolver.Read(request.Query, errors);
        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (query, filter) in Filters)
        {
            if (QueryParameters.Text(request.Query, query) is not { } value) continue;
            if (value.Length > 100 || value.Any(char.IsControl)) errors.Add($"query.{query}", "maxLength", $"'{query}' must have at most 100 printable characters.");
            else filters[filter] = value;
        }
        var limit = 20;
        if (QueryParameters.Text(request.Query, "limit") is { } limitText
            && !(int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit))
            errors.Add("query.limit", "range", $"'limit' must be a whole number from 1 to {MaxLimit}.");
        // EUM's own page token, passed through as it came.
        var continuation = QueryParameters.Text(request.Query, "continuation");
        if (continuation is { Length: > 600 }) errors.Add("query.continuation", "format", "'continuation' is not a token this API returned.");
        if (!errors.IsEmpty) return HubProblems.Validation(errors.All);

        var (wabaId, wabaProblem) = await wabas.ResolveAsync(given, cancellationToken);
        if (wabaProblem is not null) return wabaProblem;
        var (page, problem) = await EumCall.RunAsync(() => eum.ListWhatsAppTemplateLibraryAsync(new ListWhatsAppTemplateLibraryRequest
        {
            Id = wabaId!,
            MaxResults = limit,
            NextToken = continuation,
            Filters = filters.Count == 0 ? null : filters,
        }, cancellationToken), logger, "ListWhatsAppTemplateLibrary", cancellationToken);
        if (problem is not null) return problem;
        return Results.Ok(new { templates = page!.MetaLibraryTemplates.Select(LibraryView), continuation = page.NextToken });
    }

    public async Task<IResult> CreateAsync(string libraryName, HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        TemplateNames.CheckRouteName(libraryName, errors, "route.libraryName");
        var given = WabaResolver.Read(request.Query, errors);
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null) return body.Problem;
        var template = Read(body.Bytes.Span, libraryName, errors);
        if (!errors.IsEmpty || template is null) return HubProblems.Validation(errors.All);

        var (wabaId, wabaProblem) = await wabas.ResolveAsync(given, cancellationToken);
        if (wabaProblem is not null) return wabaProblem;
        var (created, problem) = await EumCall.RunAsync(() => eum.CreateWhatsAppMessageTemplateFromLibraryAsync(
            new CreateWhatsAppMessageTemplateFromLibraryRequest { Id = wabaId!, MetaLibraryTemplate = template }, cancellationToken),
            logger, "CreateWhatsAppMessageTemplateFromLibrary", cancellationToken);
        if (problem is not null) return problem;

        // The library supplies the components: the definition is Meta's, read back once the template exists.
        var definition = await sync.DefinitionAsync(wabaId!, created!.MetaTemplateId, cancellationToken);
        var row = await store.ChangeAsync(TemplateKeys.Partition(wabaId!), TemplateKeys.Row(template.TemplateName, template.TemplateLanguage), _ =>
        {
            var now = clock.GetUtcNow();
            var row = TemplateRows.New(wabaId!, template.TemplateName, template.TemplateLanguage, now)
                .Set("source", "library").Set("libraryTemplateName", libraryName).Set("metaTemplateId", created.MetaTemplateId);
            TemplateRows.SetCategory(row, (created.Category ?? template.TemplateCategory).ToUpperInvariant(), now, "api");
            TemplateRows.SetStatus(row, (created.TemplateStatus ?? TemplateStatus.Pending).ToUpperInvariant(), null, now, "api");
            if (definition is not null) TemplateRows.SetDefinition(row, definition);
            return row;
        }, cancellationToken);
        logger.LogInformation("Created template {Name} ({Language}) in {WabaId} from library template {LibraryName}",
            template.TemplateName, template.TemplateLanguage, wabaId, libraryName);
        return Results.Created(TemplateEndpoints.Location(template.TemplateName, template.TemplateLanguage), TemplateView.From(row!, full: true));
    }

    private static MetaLibraryTemplate? Read(ReadOnlySpan<byte> utf8Json, string libraryName, ValidationErrors errors)
    {
        var json = JsonBody.ParseObject(utf8Json, errors);
        if (json is null) return null;
        JsonRules.OnlyKnownMembers(json, JsonPath.Root, errors, Known);
        var name = JsonRules.String(json, "name", JsonPath.Root, errors, required: true, minLength: 1);
        if (name is { Length: > 0 } && !TemplateNames.IsName(name))
            errors.Add("$.name", "pattern", "'name' has 1-512 lower-case letters, digits and underscores.");
        var language = JsonRules.String(json, "language", JsonPath.Root, errors, required: true, minLength: 1);
        if (language is { Length: > 0 } && !TemplateNames.IsLanguage(language))
            errors.Add("$.language", "pattern", "'language' must be a locale code such as en or en_US.");
        var category = JsonRules.String(json, "category", JsonPath.Root, errors, required: true, minLength: 1)?.ToUpperInvariant();
        if (category is { Length: > 0 } && !TemplateDefinitionRules.Categories.Contains(category))
            errors.Add("$.category", "enum", "'category' must be one of: " + string.Join(", ", TemplateDefinitionRules.Categories) + ".");
        var bodyInputs = ReadBodyInputs(json, errors);
        var buttonInputs = ReadButtonInputs(json, errors);
        if (!errors.IsEmpty) return null;
        return new MetaLibraryTemplate
        {
            TemplateName = name!,
            LibraryTemplateName = libraryName,
            TemplateCategory = category!,
            TemplateLanguage = language!,
            LibraryTemplateBodyInputs = bodyInputs,
            LibraryTemplateButtonInputs = buttonInputs,
        };
    }

    private static LibraryTemplateBodyInputs? ReadBodyInputs(JsonObject json, ValidationErrors errors)
    {
        if (JsonRules.Object(json, "bodyInputs", JsonPath.Root, errors, required: false) is not { } inputs) return null;
        const string path = "$.bodyInputs";
        JsonRules.OnlyKnownMembers(inputs, path, errors, BodyInputs);
        return new LibraryTemplateBodyInputs
        {
            AddContactNumber = JsonRules.Boolean(inputs, "addContactNumber", path, errors),
            AddLearnMoreLink = JsonRules.Boolean(inputs, "addLearnMoreLink", path, errors),
            AddSecurityRecommendation = JsonRules.Boolean(inputs, "addSecurityRecommendation", path, errors),
            AddTrackPackageLink = JsonRules.Boolean(inputs, "addTrackPackageLink", path, errors),
            // Meta's code expiry for authentication templates is 1-90 minutes.
            CodeExpirationMinutes = (int?)JsonRules.Integer(inputs, "codeExpirationMinutes", path, errors, required: false, min: 1, max: 90),
        };
    }

    private static List<LibraryTemplateButtonInput>? ReadButtonInputs(JsonObject json, ValidationErrors errors)
    {
        if (JsonRules.Array(json, "buttonInputs", JsonPath.Root, errors, required: false, maxCount: 10) is not { } array) return null;
        var buttons = new List<LibraryTemplateButtonInput>();
        foreach (var (item, path) in JsonRules.Objects(array, "$.buttonInputs", errors))
        {
            JsonRules.OnlyKnownMembers(item, path, errors, ButtonInputs);
            buttons.Add(new LibraryTemplateButtonInput
            {
                Type = JsonRules.String(item, "type", path, errors, required: true, minLength: 1, maxLength: 25)?.ToUpperInvariant(),
                PhoneNumber = JsonRules.String(item, "phoneNumber", path, errors, required: false, minLength: 1, maxLength: 20),
                Url = StringMap(item, "url", path, errors, 30, 400),
                OtpType = JsonRules.String(item, "otpType", path, errors, required: false, minLength: 1, maxLength: 25)?.ToUpperInvariant(),
                ZeroTapTermsAccepted = JsonRules.Boolean(item, "zeroTapTermsAccepted", path, errors),
                SupportedApps = SupportedApps(item, path, errors),
            });
        }
        return buttons;
    }

    private static List<Dictionary<string, string>>? SupportedApps(JsonObject button, string path, ValidationErrors errors)
    {
        if (JsonRules.Array(button, "supportedApps", path, errors, required: false, maxCount: 10) is not { } apps) return null;
        var list = new List<Dictionary<string, string>>();
        var i = 0;
        foreach (var app in apps)
        {
            var wrapper = new JsonObject { ["app"] = app?.DeepClone() };
            if (StringMap(wrapper, "app", JsonPath.Index($"{path}.supportedApps", i++), errors, 30, 100, pathIsItem: true) is { } map) list.Add(map);
        }
        return list;
    }

    /// <summary>An object of short strings (EUM's string maps: URL suffix examples, app package and signature hash).</summary>
    private static Dictionary<string, string>? StringMap(JsonObject parent, string name, string parentPath, ValidationErrors errors, int maxKey, int maxValue,
        bool pathIsItem = false)
    {
        var path = pathIsItem ? parentPath : JsonPath.Member(parentPath, name);
        if (!parent.TryGetPropertyValue(name, out var node) || node is null)
        {
            if (pathIsItem) errors.Add(path, "type", "Each entry must be an object of strings.");
            return null;
        }
        if (node is not JsonObject obj)
        {
            errors.Add(path, "type", "Must be an object of strings.");
            return null;
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            if (key.Length is < 1 || key.Length > maxKey || value?.GetValueKind() != JsonValueKind.String || value.GetValue<string>() is not { Length: >= 1 } text || text.Length > maxValue)
                errors.Add(JsonPath.Member(path, key), "type", $"Keys have 1-{maxKey} characters and values are strings of 1-{maxValue} characters.");
            else map[key] = text;
        }
        return map;
    }

    private static object LibraryView(MetaLibraryTemplateDefinition t) => new
    {
        name = t.TemplateName,
        language = t.TemplateLanguage,
        category = t.TemplateCategory,
        topic = t.TemplateTopic,
        useCase = t.TemplateUseCase,
        industry = t.TemplateIndustry,
        header = t.TemplateHeader,
        body = t.TemplateBody,
        bodyExampleParams = t.TemplateBodyExampleParams,
        buttons = t.TemplateButtons?.Select(b => new
        {
            type = b.Type, text = b.Text, phoneNumber = b.PhoneNumber, url = b.Url, otpType = b.OtpType,
            zeroTapTermsAccepted = b.ZeroTapTermsAccepted, supportedApps = b.SupportedApps,
        }),
        id = t.TemplateId,
    };
}
