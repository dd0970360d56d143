using System.Text.Json.Nodes;
using WhatsAppHub.Sandbox.Eum.Validation;
using WhatsAppHub.Sandbox.Eum.World;

namespace WhatsAppHub.Sandbox.Eum.Operations;

/// <summary>Reading linked accounts and numbers, and setting a WABA's event destination.</summary>
public sealed class AccountOperations(SandboxWorld world) : IEumOperationGroup
{
    public IEnumerable<EumOperation> Operations =>
    [
        new("ListLinkedWhatsAppBusinessAccounts", "GET", "/v1/whatsapp/waba/list", List),
        new("GetLinkedWhatsAppBusinessAccount", "GET", "/v1/whatsapp/waba/details", Get),
        new("GetLinkedWhatsAppBusinessAccountPhoneNumber", "GET", "/v1/whatsapp/waba/phone/details", GetPhoneNumber),
        new("PutWhatsAppBusinessAccountEventDestinations", "PUT", "/v1/whatsapp/waba/eventdestinations", PutEventDestinations),
    ];

    private JsonObject List(InputReader input)
    {
        var nextToken = input.QueryString("nextToken", "nextToken", Shapes.NextToken);
        var maxResults = input.QueryInt("maxResults", "maxResults", 1, 100);
        input.ThrowIfInvalid();

        return world.Locked(w =>
        {
            var (page, next) = Pagination.Page(w.Accounts, nextToken, maxResults, "waba");
            var output = new JsonObject { ["linkedAccounts"] = new JsonArray(page.Select(a => (JsonNode)a.ToSummaryJson()).ToArray()) };
            if (next is not null)
            {
                output["nextToken"] = next;
            }
            return output;
        });
    }

    private JsonObject Get(InputReader input)
    {
        var id = input.QueryString("id", "id", Shapes.LinkedWhatsAppBusinessAccountId, required: true)!;
        input.ThrowIfInvalid();
        return world.Locked(w => new JsonObject { ["account"] = RequireAccount(w, id).ToJson() });
    }

    private JsonObject GetPhoneNumber(InputReader input)
    {
        var id = input.QueryString("id", "id", Shapes.WhatsAppPhoneNumberId, required: true)!;
        input.ThrowIfInvalid();
        return world.Locked(w =>
        {
            var (account, phone) = w.FindPhone(id) ?? throw EumException.NotFound($"Phone number {id} is not linked to this account.");
            return new JsonObject { ["phoneNumber"] = phone.ToJson(), ["linkedWhatsAppBusinessAccountId"] = account.Id };
        });
    }

    private JsonObject PutEventDestinations(InputReader input)
    {
        var id = input.String(input.Body, "id", "id", Shapes.LinkedWhatsAppBusinessAccountId, required: true)!;
        var destinations = input.EventDestinations(input.Body, "eventDestinations", "eventDestinations", required: true)!;
        input.ThrowIfInvalid();
        return world.Locked(w =>
        {
            // The model lists no ResourceNotFoundException for this operation: an unknown WABA is an invalid parameter.
            var account = w.FindAccount(id) ?? throw EumException.InvalidParameters($"WhatsApp Business Account {id} is not linked to this account.");
            account.EventDestinations = destinations.ToList();
            return new JsonObject();
        });
    }

    public static LinkedAccount RequireAccount(SandboxWorld w, string id) =>
        w.FindAccount(id) ?? throw EumException.NotFound($"WhatsApp Business Account {id} is not linked to this account.");
}
