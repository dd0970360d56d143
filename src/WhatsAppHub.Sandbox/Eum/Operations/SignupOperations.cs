using System.Text.Json.Nodes;
using WhatsAppHub.Sandbox.Eum.Validation;
using WhatsAppHub.Sandbox.Eum.World;

namespace WhatsAppHub.Sandbox.Eum.Operations;

/// <summary>
/// Embedded sign-up: the callback step returns a token and the accounts found behind Meta's access
/// token; the finalization step links them (or adds numbers to an existing WABA). Disassociate unlinks.
/// </summary>
public sealed class SignupOperations(SandboxWorld world, TimeProvider time) : IEumOperationGroup
{
    public IEnumerable<EumOperation> Operations =>
    [
        new("AssociateWhatsAppBusinessAccount", "POST", "/v1/whatsapp/signup", Associate),
        new("DisassociateWhatsAppBusinessAccount", "DELETE", "/v1/whatsapp/waba/disassociate", Disassociate),
    ];

    private JsonObject Associate(InputReader input)
    {
        var callback = input.Object(input.Body, "signupCallback", "signupCallback");
        var finalization = input.Object(input.Body, "setupFinalization", "setupFinalization");
        if (callback is not null)
        {
            input.String(callback, "accessToken", "signupCallback.accessToken", Shapes.AccessToken, required: true);
            input.String(callback, "callbackUrl", "signupCallback.callbackUrl", Shapes.CallbackUrl);
        }
        Finalization? request = finalization is null ? null : ReadFinalization(input, finalization);
        input.ThrowIfInvalid();

        if ((callback is null) == (finalization is null))
        {
            throw EumException.InvalidParameters("Exactly one of signupCallback or setupFinalization must be provided.");
        }
        return callback is not null ? StartSignup() : FinishSignup(request!);
    }

    private JsonObject StartSignup() => world.Locked(w =>
    {
        var token = ResourceIds.NewHex();
        var metaWabaId = ResourceIds.NewNumeric(15);
        var wabaId = ResourceIds.WabaPrefix + ResourceIds.NewHex();
        var phoneId = ResourceIds.PhonePrefix + ResourceIds.NewHex();
        var local = ResourceIds.NewNumeric(4);
        var account = new LinkedAccount
        {
            Id = wabaId,
            Arn = w.Ids.WabaArn(wabaId),
            MetaWabaId = metaWabaId,
            Name = "Sandbox Signup Business",
            RegistrationStatus = "INCOMPLETE",
            LinkDate = time.GetUtcNow(),
        };
        account.PhoneNumbers.Add(new LinkedPhoneNumber
        {
            Id = phoneId,
            Arn = w.Ids.PhoneArn(phoneId),
            PhoneNumber = $"+1555010{local}",
            DisplayPhoneNumber = $"+1 555-010-{local}",
            DisplayPhoneNumberName = "Sandbox Signup Business",
            MetaPhoneNumberId = ResourceIds.NewNumeric(15),
            QualityRating = "UNKNOWN",
        });
        w.PendingSignups[token] = [account];

        var incomplete = new JsonObject
        {
            [metaWabaId] = new JsonObject
            {
                ["accountName"] = account.Name,
                ["registrationStatus"] = account.RegistrationStatus,
                ["unregisteredWhatsAppPhoneNumbers"] = new JsonArray(account.PhoneNumbers.Select(p => (JsonNode)p.ToJson()).ToArray()),
                ["wabaId"] = account.Id,
            },
        };
        return new JsonObject
        {
            ["signupCallbackResult"] = new JsonObject { ["associateInProgressToken"] = token, ["linkedAccountsWithIncompleteSetup"] = incomplete },
            ["statusCode"] = 200,
        };
    });

    private JsonObject FinishSignup(Finalization request) => world.Locked(w =>
    {
        if (!w.PendingSignups.TryGetValue(request.Token, out var pending))
        {
            throw EumException.InvalidParameters("The associateInProgressToken is not valid or has expired.");
        }
        if (request.PhoneNumberParent is not null && request.HasWaba)
        {
            throw EumException.InvalidParameters("Provide either phoneNumberParent or waba, not both.");
        }

        var pendingPhones = pending.SelectMany(a => a.PhoneNumbers).ToList();
        var phones = request.Phones.Select(p =>
            pendingPhones.FirstOrDefault(x => x.Id == p.Id || x.MetaPhoneNumberId == p.Id)
            ?? throw EumException.InvalidParameters($"Phone number {p.Id} is not part of this sign-up.")).ToList();

        LinkedAccount target;
        if (request.PhoneNumberParent is not null)
        {
            target = w.FindAccount(request.PhoneNumberParent) ?? throw EumException.InvalidParameters($"WhatsApp Business Account {request.PhoneNumberParent} is not linked to this account.");
        }
        else
        {
            target = (request.MetaWabaId is null ? pending.FirstOrDefault() : pending.FirstOrDefault(a => a.MetaWabaId == request.MetaWabaId))
                ?? throw EumException.InvalidParameters($"WhatsApp Business Account {request.MetaWabaId} is not part of this sign-up.");
            target.RegistrationStatus = "COMPLETE";
            target.PhoneNumbers.Clear();
            if (request.EventDestinations is not null)
            {
                target.EventDestinations = request.EventDestinations.ToList();
            }
            AddTags(w, target.Arn, request.WabaTags);
            w.Accounts.Add(target);
        }

        foreach (var (phone, input) in phones.Zip(request.Phones))
        {
            if (!target.PhoneNumbers.Contains(phone))
            {
                target.PhoneNumbers.Add(phone);
            }
            AddTags(w, phone.Arn, input.Tags);
        }
        w.PendingSignups.Remove(request.Token);
        return new JsonObject { ["statusCode"] = 200, ["linkedWhatsAppBusinessAccountId"] = target.Id };
    });

    private JsonObject Disassociate(InputReader input)
    {
        var id = input.QueryString("id", "id", Shapes.LinkedWhatsAppBusinessAccountId, required: true)!;
        input.ThrowIfInvalid();
        return world.Locked(w =>
        {
            w.Accounts.Remove(AccountOperations.RequireAccount(w, id));
            return new JsonObject();
        });
    }

    private static Finalization ReadFinalization(InputReader input, JsonObject f)
    {
        const string p = "setupFinalization";
        var token = input.String(f, "associateInProgressToken", $"{p}.associateInProgressToken", Shapes.AssociateInProgressToken, required: true) ?? "";
        var phones = (input.ObjectList(f, "phoneNumbers", $"{p}.phoneNumbers", required: true) ?? []).Select(x => new PhoneFinalization(
            input.String(x.Item, "id", $"{x.Path}.id", Shapes.WhatsAppPhoneNumber, required: true) ?? "",
            input.String(x.Item, "twoFactorPin", $"{x.Path}.twoFactorPin", Shapes.TwoFactorPin, required: true) ?? "",
            input.String(x.Item, "dataLocalizationRegion", $"{x.Path}.dataLocalizationRegion", Shapes.IsoCountryCode),
            input.Tags(x.Item, "tags", $"{x.Path}.tags"))).ToList();
        var parent = input.String(f, "phoneNumberParent", $"{p}.phoneNumberParent", Shapes.LinkedWhatsAppBusinessAccountId);
        var waba = input.Object(f, "waba", $"{p}.waba");
        string? metaWabaId = null;
        IReadOnlyList<EventDestination>? destinations = null;
        IReadOnlyList<Tag>? wabaTags = null;
        if (waba is not null)
        {
            metaWabaId = input.String(waba, "id", $"{p}.waba.id", Shapes.WhatsAppBusinessAccountId);
            destinations = input.EventDestinations(waba, "eventDestinations", $"{p}.waba.eventDestinations");
            wabaTags = input.Tags(waba, "tags", $"{p}.waba.tags");
        }
        return new Finalization(token, phones, parent, waba is not null, metaWabaId, destinations, wabaTags);
    }

    private static void AddTags(SandboxWorld w, string arn, IReadOnlyList<Tag>? tags)
    {
        if (tags is not null)
        {
            TagOperations.Apply(w, arn, tags);
        }
    }

    private sealed record PhoneFinalization(string Id, string TwoFactorPin, string? DataLocalizationRegion, IReadOnlyList<Tag>? Tags);

    private sealed record Finalization(string Token, IReadOnlyList<PhoneFinalization> Phones, string? PhoneNumberParent, bool HasWaba,
        string? MetaWabaId, IReadOnlyList<EventDestination>? EventDestinations, IReadOnlyList<Tag>? WabaTags);
}
