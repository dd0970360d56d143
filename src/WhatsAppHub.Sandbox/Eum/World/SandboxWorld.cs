using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace WhatsAppHub.Sandbox.Eum.World;

/// <summary>
/// The small in-memory "AWS account + Meta" the EUM operations act on: linked accounts and numbers,
/// templates, media, tags and sign-ups in progress. One lock guards it all; callers take it with
/// <see cref="Locked{T}"/> and may then use the collections and finders directly.
/// </summary>
public sealed class SandboxWorld
{
    private readonly Lock _gate = new();
    private readonly SandboxOptions _options;
    private readonly TimeProvider _time;

    public SandboxWorld(IOptions<SandboxOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        Ids = new ResourceIds(_options.Region, _options.AccountId);
        Reset();
    }

    public ResourceIds Ids { get; }
    public List<LinkedAccount> Accounts { get; } = [];
    public List<MessageTemplate> Templates { get; } = [];
    public Dictionary<string, MediaObject> Media { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<Tag>> Tags { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<LinkedAccount>> PendingSignups { get; } = new(StringComparer.Ordinal);

    public T Locked<T>(Func<SandboxWorld, T> action)
    {
        lock (_gate)
        {
            return action(this);
        }
    }

    public void Locked(Action<SandboxWorld> action)
    {
        lock (_gate)
        {
            action(this);
        }
    }

    public LinkedAccount? FindAccount(string idOrArn) =>
        Accounts.FirstOrDefault(a => a.Id == idOrArn || a.Arn == idOrArn);

    public (LinkedAccount Account, LinkedPhoneNumber Phone)? FindPhone(string idOrArn)
    {
        foreach (var account in Accounts)
        {
            var phone = account.PhoneNumbers.FirstOrDefault(p => p.Id == idOrArn || p.Arn == idOrArn);
            if (phone is not null)
            {
                return (account, phone);
            }
        }
        return null;
    }

    /// <summary>
    /// Adds a new template, refusing a second one with the same name and language in the account as Meta does, and
    /// answers as the create operations do. The status is the caller's: approved at once unless reviews are played (TemplateReview).
    /// </summary>
    public JsonObject AddTemplate(MessageTemplate template)
    {
        if (Templates.Any(t => t.WabaId == template.WabaId && t.Name == template.Name && t.Language == template.Language))
        {
            throw EumException.InvalidParameters(
                $"Content in this language already exists: a template named {template.Name} in {template.Language} exists already.");
        }
        Templates.Add(template);
        return new JsonObject { ["metaTemplateId"] = template.MetaTemplateId, ["templateStatus"] = template.Status, ["category"] = template.Category };
    }

    /// <summary>Puts the world back to its configured start: one linked WABA, one number, a few templates and media.</summary>
    public void Reset() => Locked(w =>
    {
        w.Accounts.Clear();
        w.Templates.Clear();
        w.Media.Clear();
        w.Tags.Clear();
        w.PendingSignups.Clear();

        var account = new LinkedAccount
        {
            Id = _options.WabaId,
            Arn = Ids.WabaArn(_options.WabaId),
            MetaWabaId = _options.MetaWabaId,
            Name = _options.WabaName,
            LinkDate = _time.GetUtcNow().AddDays(-30),
        };
        account.PhoneNumbers.Add(new LinkedPhoneNumber
        {
            Id = _options.PhoneNumberId,
            Arn = Ids.PhoneArn(_options.PhoneNumberId),
            PhoneNumber = "+" + new string(_options.DisplayPhoneNumber.Where(char.IsAsciiDigit).ToArray()),
            DisplayPhoneNumber = _options.DisplayPhoneNumber,
            DisplayPhoneNumberName = _options.DisplayPhoneNumberName,
            MetaPhoneNumberId = _options.MetaPhoneNumberId,
        });
        w.Accounts.Add(account);

        foreach (var seed in SeedTemplates(account.Id))
        {
            w.Templates.Add(seed);
        }

        // Media that "arrived inbound" so GetWhatsAppMessageMedia / DeleteWhatsAppMessageMedia have
        // something to act on with fixed inputs. fileSize is in KB, as the model documents it.
        w.Media[SeedMediaIds.InboundImage] = new MediaObject { MediaId = SeedMediaIds.InboundImage, PhoneNumberId = _options.PhoneNumberId, MimeType = "image/jpeg", FileSize = 48, Source = "inbound" };
        w.Media[SeedMediaIds.InboundVoiceNote] = new MediaObject { MediaId = SeedMediaIds.InboundVoiceNote, PhoneNumberId = _options.PhoneNumberId, MimeType = "audio/ogg", FileSize = 12, Source = "inbound" };
    });

    private static IEnumerable<MessageTemplate> SeedTemplates(string wabaId)
    {
        yield return new MessageTemplate
        {
            MetaTemplateId = SeedTemplateIds.HelloWorld, WabaId = wabaId, Name = "hello_world", Language = "en_US", Category = "UTILITY",
            QualityScore = "GREEN",
            Components = JsonNode.Parse("""
                [{"type":"HEADER","format":"TEXT","text":"Hello World"},
                 {"type":"BODY","text":"Welcome and congratulations!! This message demonstrates your ability to send a WhatsApp message notification from the Cloud API, hosted by Meta. Thank you for taking the time to test with us."},
                 {"type":"FOOTER","text":"WhatsApp Business Platform sample message"}]
                """)!.AsArray(),
        };
        yield return new MessageTemplate
        {
            MetaTemplateId = SeedTemplateIds.OrderShipped, WabaId = wabaId, Name = "order_shipped", Language = "en_US", Category = "UTILITY",
            QualityScore = "GREEN",
            Components = JsonNode.Parse("""
                [{"type":"BODY","text":"Hi {{1}}, your order {{2}} has shipped.","example":{"body_text":[["Maria","#12345"]]}}]
                """)!.AsArray(),
        };
        yield return new MessageTemplate
        {
            MetaTemplateId = SeedTemplateIds.SpringSale, WabaId = wabaId, Name = "spring_sale", Language = "en", Category = "MARKETING",
            Components = JsonNode.Parse("""
                [{"type":"BODY","text":"Spring sale: {{1}} off everything until Sunday!","example":{"body_text":[["20%"]]}}]
                """)!.AsArray(),
        };
    }
}

/// <summary>Fixed ids of the seeded templates, so tests and fixed inputs can name them.</summary>
public static class SeedTemplateIds
{
    public const string HelloWorld = "1189634875529981";
    public const string OrderShipped = "1029384756102938";
    public const string SpringSale = "998877665544332";
}

/// <summary>Fixed ids of the seeded inbound media.</summary>
public static class SeedMediaIds
{
    public const string InboundImage = "1299875512340098";
    public const string InboundVoiceNote = "2233445566778899";
}
