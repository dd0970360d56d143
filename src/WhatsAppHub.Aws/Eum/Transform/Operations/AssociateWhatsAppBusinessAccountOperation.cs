using System.Text.Json;

namespace WhatsAppHub.Aws.Eum.Transform.Operations;

internal sealed class AssociateWhatsAppBusinessAccountOperation()
    : EumOperation<AssociateWhatsAppBusinessAccountRequest, AssociateWhatsAppBusinessAccountResponse>(
        "POST", "/v1/whatsapp/signup", RequestBody.Json)
{
    public static readonly AssociateWhatsAppBusinessAccountOperation Instance = new();

    protected override void WriteBody(AssociateWhatsAppBusinessAccountRequest request, JsonBodyWriter body)
    {
        body.Shape("signupCallback", request.SignupCallback);
        body.Shape("setupFinalization", request.SetupFinalization);
    }

    protected override void ReadOutput(JsonElement body, AssociateWhatsAppBusinessAccountResponse response)
    {
        response.SignupCallbackResult = body.Shape<WhatsAppSignupCallbackResult>("signupCallbackResult");
        response.StatusCode = body.Integer("statusCode");
        response.LinkedWhatsAppBusinessAccountId = body.String("linkedWhatsAppBusinessAccountId");
    }
}
