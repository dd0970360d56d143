using System.Text.Json;

namespace WhatsAppHub.Aws.Eum.Transform.Operations;

internal sealed class GetLinkedWhatsAppBusinessAccountPhoneNumberOperation()
    : EumOperation<GetLinkedWhatsAppBusinessAccountPhoneNumberRequest, GetLinkedWhatsAppBusinessAccountPhoneNumberResponse>(
        "GET", "/v1/whatsapp/waba/phone/details", RequestBody.None)
{
    public static readonly GetLinkedWhatsAppBusinessAccountPhoneNumberOperation Instance = new();

    protected override void WriteQuery(GetLinkedWhatsAppBusinessAccountPhoneNumberRequest request, QueryWriter query) =>
        query.String("id", request.Id);

    protected override void ReadOutput(JsonElement body, GetLinkedWhatsAppBusinessAccountPhoneNumberResponse response)
    {
        response.PhoneNumber = body.Shape<WhatsAppPhoneNumberDetail>("phoneNumber");
        response.LinkedWhatsAppBusinessAccountId = body.String("linkedWhatsAppBusinessAccountId");
    }
}
