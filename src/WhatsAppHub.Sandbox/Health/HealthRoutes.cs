using Microsoft.Extensions.Options;
using WhatsAppHub.Sandbox.Eum.World;
using WhatsAppHub.Sandbox.Recording;
using WhatsAppHub.Sandbox.Sns;

namespace WhatsAppHub.Sandbox.Health;

/// <summary>Liveness with the configured ids (never the secret), and a reset to the start state.</summary>
public static class HealthRoutes
{
    public static void MapHealth(this WebApplication app)
    {
        app.MapGet("/sandbox/health", (IOptions<SandboxOptions> options, SandboxWorld world, PublicBaseUrl baseUrl) =>
        {
            var o = options.Value;
            return Results.Json(new
            {
                status = "ok",
                baseUrl = baseUrl.Value,
                accessKeyId = o.AccessKeyId,
                region = o.Region,
                accountId = o.AccountId,
                signingName = Eum.EumServiceIdentity.SigningName,
                wabaId = o.WabaId,
                wabaArn = world.Ids.WabaArn(o.WabaId),
                phoneNumberId = o.PhoneNumberId,
                phoneNumberArn = world.Ids.PhoneArn(o.PhoneNumberId),
                displayPhoneNumber = o.DisplayPhoneNumber,
                metaPhoneNumberId = o.MetaPhoneNumberId,
                metaWabaId = o.MetaWabaId,
                hubEventsUrl = o.HubEventsUrl,
                statuses = o.StatusList,
                statusDelayMs = o.StatusDelayMs,
                topicArn = o.TopicArn,
                snsSignatureVersion = o.SnsSignatureVersion,
                signingCertUrl = $"{baseUrl.Value}/sandbox/sns/certificate.pem",
            });
        });

        app.MapPost("/sandbox/reset", (SandboxWorld world, RequestLog requests, MessageLog messages, SendTally tally, DeliveryLog deliveries) =>
        {
            world.Reset();
            requests.Clear();
            messages.Clear();
            tally.Clear();
            deliveries.Clear();
            return Results.NoContent();
        });
    }
}
