using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Problems;
using WhatsAppHub.Functions.Templates;

namespace WhatsAppHub.Functions.Campaigns;

/// <summary>
/// What <c>POST /api/campaigns</c> asks for, read from either form and checked member by member:
/// <list type="bullet">
/// <item><c>application/json</c>: <c>{name?, template: {name, language}, phoneNumberId?, startAt?, ratePerSecond?, draft?,
/// recipients: [{to, values?}]}</c> (<c>draft: true</c> stores it checked but not started); errors are named by JSON path (<c>$.recipients[17].to</c>).</item>
/// <item><c>multipart/form-data</c>: a <c>campaign</c> field holding the same JSON without <c>recipients</c>, and a
/// <c>file</c> part holding the audience as CSV (<see cref="CampaignCsv"/>); errors in the file are named
/// <c>csv.row[n]…</c>.</item>
/// </list>
/// </summary>
public sealed record CampaignRequest(
    string? Name,
    string TemplateName,
    string TemplateLanguage,
    string? PhoneNumberId,
    DateTimeOffset? StartAt,
    int? RatePerSecond,
    string Source,
    IReadOnlyList<AudienceEntry> Audience,
    bool Draft = false)
{
    /// <summary>
    /// What is wrong so far. A request whose template and audience could be read comes back even with errors, so the
    /// audience is bound too and one 400 names everything; the handler refuses it after binding.
    /// </summary>
    public ValidationErrors Errors { get; init; } = new();

    /// <summary>The request's content as sent (the JSON body; or the campaign field and the file), which an <c>Idempotency-Key</c> is tied to.</summary>
    public ReadOnlyMemory<byte> Content { get; init; }

    public const int MaxRecipients = 100_000;

    /// <summary>100,000 recipients of about 160 bytes (a number and a few values).</summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    /// <summary>A 400 names at most this many errors (and says there are more): enough to fix a file in a few rounds.</summary>
    public const int MaxErrors = 100;

    public const int MaxNameLength = 200;

    /// <summary>The furthest ahead a campaign can be scheduled.</summary>
    public static readonly TimeSpan MaxLeadTime = TimeSpan.FromDays(30);

    /// <summary>A start a little in the past (clock skew, a slow client) means now.</summary>
    public static readonly TimeSpan PastTolerance = TimeSpan.FromMinutes(5);

    private static readonly HashSet<string> Members = ["name", "template", "phoneNumberId", "startAt", "ratePerSecond", "draft", "recipients"];
    private static readonly HashSet<string> FormMembers = [.. Members.Where(m => m != "recipients")];
    private static readonly HashSet<string> TemplateMembers = ["name", "language"];
    private static readonly HashSet<string> RecipientMembers = ["to", "values"];

    public static async Task<(CampaignRequest? Request, IResult? Problem)> ReadAsync(HttpRequest request, int maxRate, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes) return (null, TooLarge());
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes + 64 * 1024;
        return request.HasFormContentType
            ? await ReadFormAsync(request, maxRate, now, cancellationToken)
            : await ReadJsonAsync(request, maxRate, now, cancellationToken);
    }

    private static async Task<(CampaignRequest?, IResult?)> ReadJsonAsync(HttpRequest request, int maxRate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null) return (null, body.Problem);
        var errors = new ValidationErrors();
        var json = JsonBody.ParseObject(body.Bytes.Span, errors);
        if (json is null) return (null, HubProblems.Validation(errors.All));

        JsonRules.OnlyKnownMembers(json, JsonPath.Root, errors, Members);
        var envelope = ReadEnvelope(json, JsonPath.Root, maxRate, now, errors);
        var audience = ReadRecipients(json, errors);
        return Finish(envelope, CampaignSources.Json, audience, errors, body.Bytes);
    }

    private static async Task<(CampaignRequest?, IResult?)> ReadFormAsync(HttpRequest request, int maxRate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (form, problem) = await RequestForm.ReadAsync(request, new FormOptions
        {
            MultipartBodyLengthLimit = MaxBodyBytes,
            ValueCountLimit = 4,
            KeyLengthLimit = 64,
            ValueLengthLimit = 64 * 1024,
            MultipartHeadersLengthLimit = 8 * 1024,
        }, TooLarge, cancellationToken);
        if (form is null) return (null, problem);

        var errors = new ValidationErrors();
        foreach (var key in form.Keys.Where(k => k != "campaign"))
            errors.Add(JsonPath.Member(JsonPath.Root, key), "unknownMember", $"'{key}' is not a field a campaign upload accepts (campaign, file).");
        foreach (var part in form.Files.Where(f => f.Name != "file"))
            errors.Add(JsonPath.Member(JsonPath.Root, part.Name), "unknownMember", $"'{part.Name}' is not a file part a campaign upload accepts; name the CSV 'file'.");

        Envelope? envelope = null;
        if (!form.TryGetValue("campaign", out var campaignText) || campaignText.Count != 1)
            errors.Add("$.campaign", "required", "A 'campaign' field is required, once: the campaign as JSON ({template: {name, language}, …}) without 'recipients'.");
        else
        {
            var campaignErrors = new ValidationErrors();
            var json = JsonBody.ParseObject(System.Text.Encoding.UTF8.GetBytes(campaignText[0] ?? string.Empty), campaignErrors);
            foreach (var error in campaignErrors.All) errors.Add("$.campaign", error.Rule, error.Message);
            if (json is not null)
            {
                JsonRules.OnlyKnownMembers(json, "$.campaign", errors, FormMembers);
                envelope = ReadEnvelope(json, "$.campaign", maxRate, now, errors);
            }
        }

        IReadOnlyList<AudienceEntry>? audience = null;
        using var content = new MemoryStream();
        content.Write(System.Text.Encoding.UTF8.GetBytes((campaignText.Count == 1 ? campaignText[0] : null) + "\n"));
        var files = form.Files.GetFiles("file");
        if (files.Count != 1)
            errors.Add("$.file", "required", "Send the audience as one 'file' part holding CSV.");
        else
        {
            using var stream = new MemoryStream((int)Math.Min(files[0].Length, MaxBodyBytes));
            await files[0].CopyToAsync(stream, cancellationToken);
            audience = CampaignCsv.Read(stream.GetBuffer().AsSpan(0, (int)stream.Length), MaxRecipients, MaxErrors, errors);
            content.Write(stream.GetBuffer().AsSpan(0, (int)stream.Length));
        }
        return Finish(envelope, CampaignSources.Csv, audience, errors, content.ToArray());
    }

    private sealed record Envelope(string? Name, string? TemplateName, string? Language, string? PhoneNumberId, bool SenderInvalid, DateTimeOffset? StartAt, int? Rate,
        bool Draft);

    private static Envelope ReadEnvelope(JsonObject json, string root, int maxRate, DateTimeOffset now, ValidationErrors errors)
    {
        var name = JsonRules.String(json, "name", root, errors, required: false, maxLength: MaxNameLength);
        if (name is not null && name.Any(char.IsControl))
        {
            errors.Add(JsonPath.Member(root, "name"), "pattern", "'name' must not hold control characters.");
            name = null;
        }

        string? templateName = null, language = null;
        if (JsonRules.Object(json, "template", root, errors, required: true) is { } template)
        {
            var templatePath = JsonPath.Member(root, "template");
            JsonRules.OnlyKnownMembers(template, templatePath, errors, TemplateMembers);
            templateName = JsonRules.String(template, "name", templatePath, errors, required: true, minLength: 1);
            if (templateName is not null && !TemplateNames.IsName(templateName))
            {
                errors.Add(JsonPath.Member(templatePath, "name"), "pattern", "'name' must be a template name: lower-case letters, digits and '_', at most 512 characters.");
                templateName = null;
            }
            language = JsonRules.String(template, "language", templatePath, errors, required: true, minLength: 1);
            if (language is not null && !TemplateNames.IsLanguage(language))
            {
                errors.Add(JsonPath.Member(templatePath, "language"), "pattern", "'language' must be the locale code of a stored template, such as en or en_US.");
                language = null;
            }
        }

        var sender = JsonRules.String(json, OutboundMessageReader.SenderMember, root, errors, required: false);
        var senderInvalid = json.ContainsKey(OutboundMessageReader.SenderMember) && sender is null;
        if (sender is not null && !Core.Messaging.PhoneNumberId.IsValid(sender))
        {
            senderInvalid = true;
            errors.Add(JsonPath.Member(root, OutboundMessageReader.SenderMember), "pattern",
                $"'{OutboundMessageReader.SenderMember}' must be an EUM phone number id ('phone-number-id-…') or its ARN.");
            sender = null;
        }

        DateTimeOffset? startAt = null;
        var startText = JsonRules.String(json, "startAt", root, errors, required: false);
        if (startText is not null)
        {
            var startPath = JsonPath.Member(root, "startAt");
            if (!DateTimeOffset.TryParse(startText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
                errors.Add(startPath, "format", "'startAt' must be an ISO 8601 time such as 2026-11-22T10:00:00Z.");
            else if (start < now - PastTolerance)
                errors.Add(startPath, "range", "'startAt' is in the past; leave it out to start now.");
            else if (start > now + MaxLeadTime)
                errors.Add(startPath, "range", $"'startAt' may be at most {MaxLeadTime.TotalDays} days ahead.");
            else startAt = start.ToUniversalTime();
        }

        var rate = JsonRules.Integer(json, "ratePerSecond", root, errors, required: false);
        if (rate is < 1 || rate > maxRate)
        {
            errors.Add(JsonPath.Member(root, "ratePerSecond"), "range",
                $"'ratePerSecond' must be from 1 to {maxRate}, the sending number's own rate (Outbound__RatePerSecond).");
            rate = null;
        }
        var draft = JsonRules.Boolean(json, "draft", root, errors) ?? false;
        return new Envelope(name, templateName, language, sender is null ? null : Core.Messaging.PhoneNumberId.Normalize(sender), senderInvalid, startAt, (int?)rate,
            draft);
    }

    private static List<AudienceEntry>? ReadRecipients(JsonObject json, ValidationErrors errors)
    {
        var path = JsonPath.Member(JsonPath.Root, "recipients");
        if (JsonRules.Array(json, "recipients", JsonPath.Root, errors, required: true, minCount: 1, maxCount: MaxRecipients) is not { } array
            || array.Count > MaxRecipients)
            return null;
        var audience = new List<AudienceEntry>(array.Count);
        for (var i = 0; i < array.Count && errors.All.Count <= MaxErrors; i++)
        {
            var itemPath = JsonPath.Index(path, i);
            if (array[i] is not JsonObject item)
            {
                errors.Add(itemPath, "type", "Each recipient must be an object: {to, values?}.");
                continue;
            }
            JsonRules.OnlyKnownMembers(item, itemPath, errors, RecipientMembers);
            var to = JsonRules.String(item, "to", itemPath, errors, required: true, minLength: 1, maxLength: RecipientRules.MaxPhoneLength);
            if (to is null) continue;
            audience.Add(new AudienceEntry(to, item["values"], itemPath, JsonPath.Member(itemPath, "to"), JsonPath.Member(itemPath, "values")));
        }
        return audience;
    }

    private static (CampaignRequest?, IResult?) Finish(Envelope? envelope, string source, IReadOnlyList<AudienceEntry>? audience, ValidationErrors errors,
        ReadOnlyMemory<byte> content)
    {
        // Without a template, a sender or an audience there is nothing to bind against.
        if (envelope?.TemplateName is null || envelope.Language is null || envelope.SenderInvalid || audience is null)
            return (null, Refuse(errors));
        return (new CampaignRequest(envelope.Name, envelope.TemplateName, envelope.Language, envelope.PhoneNumberId, envelope.StartAt, envelope.Rate,
            source, audience, envelope.Draft) { Errors = errors, Content = content }, null);
    }

    /// <summary>A 400 with at most <see cref="MaxErrors"/> entries, the last saying that more were left out.</summary>
    public static IResult Refuse(ValidationErrors errors)
    {
        var all = errors.All;
        if (all.Count <= MaxErrors) return HubProblems.Validation(all);
        return HubProblems.Validation([.. all.Take(MaxErrors),
            new ValidationError(JsonPath.Root, "maxErrors", $"Only the first {MaxErrors} errors are listed; fix them and send the campaign again to see the rest.")]);
    }

    /// <summary>The values as the binder reads them: absent values are an undefined element.</summary>
    public static JsonElement Element(JsonNode? node)
    {
        if (node is null) return default;
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }

    private static IResult TooLarge() =>
        Results.Problem(type: HubProblems.TypeUri("payload-too-large"), title: "The body is too large.", statusCode: StatusCodes.Status413PayloadTooLarge,
            detail: $"A campaign request may hold at most {MaxBodyBytes} bytes ({MaxRecipients} recipients).");
}
