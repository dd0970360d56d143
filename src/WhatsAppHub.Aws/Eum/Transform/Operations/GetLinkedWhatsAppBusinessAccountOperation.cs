using System.Text.Json;

namespace WhatsAppHub.Aws.Eum.Transform.Operations;

internal sealed class GetLinkedWhatsAppBusinessAccountOperation()
    : EumOperation<GetLinkedWhatsAppBusinessAccountRequest, GetLinkedWhatsAppBusinessAccountResponse>(
        "GET", "/v1/whatsapp/waba/details", RequestBody.None)
{
    public static readonly GetLinkedWhatsAppBusinessAccountOperation Instance = new();

    protected override void WriteQuery(GetLinkedWhatsAppBusinessAccountRequest request, QueryWriter query) =>
        query.String("id", request.Id);

    protected override void ReadOutput(JsonElement body, GetLinkedWhatsAppBusinessAccountResponse response) =>
        response.Account = body.Shape<LinkedWhatsAppBusinessAccount>("account");
}
