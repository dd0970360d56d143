namespace WhatsAppHub.Aws.Eum.Transform.Operations;

internal sealed class DisassociateWhatsAppBusinessAccountOperation()
    : EumOperation<DisassociateWhatsAppBusinessAccountRequest, DisassociateWhatsAppBusinessAccountResponse>(
        "DELETE", "/v1/whatsapp/waba/disassociate", RequestBody.None)
{
    public static readonly DisassociateWhatsAppBusinessAccountOperation Instance = new();

    protected override void WriteQuery(DisassociateWhatsAppBusinessAccountRequest request, QueryWriter query) =>
        query.String("id", request.Id);
}
