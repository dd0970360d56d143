namespace WhatsAppHub.Aws.Eum.Transform.Operations;

internal sealed class PutWhatsAppBusinessAccountEventDestinationsOperation()
    : EumOperation<PutWhatsAppBusinessAccountEventDestinationsRequest, PutWhatsAppBusinessAccountEventDestinationsResponse>(
        "PUT", "/v1/whatsapp/waba/eventdestinations", RequestBody.Json)
{
    public static readonly PutWhatsAppBusinessAccountEventDestinationsOperation Instance = new();

    protected override void WriteBody(PutWhatsAppBusinessAccountEventDestinationsRequest request, JsonBodyWriter body)
    {
        body.String("id", request.Id);
        body.Shape("eventDestinations", request.EventDestinations);
    }
}
