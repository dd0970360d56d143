using System.Text.Json;
using System.Text.Json.Nodes;

namespace WhatsAppHub.Sandbox.Sns;

/// <summary>The SNS side for tests and developers: the signing certificate, ad-hoc publishing, and the delivery log.</summary>
public static class SnsRoutes
{
    public static void MapSns(this WebApplication app)
    {
        var group = app.MapGroup("/sandbox/sns");

        group.MapGet("/certificate.pem", (SnsSigningCertificate certificate) =>
            Results.Text(certificate.Pem, "application/x-pem-file"));

        group.MapGet("/deliveries", (DeliveryLog log) => Results.Json(log.Snapshot()));
        group.MapDelete("/deliveries", (DeliveryLog log) =>
        {
            log.Clear();
            return Results.NoContent();
        });

        // Publishes what it is given, signed, to Sandbox:HubEventsUrl, and answers once every delivery
        // ended (retries included). Accepts an EUM event (has whatsAppWebhookEntry, as a string or an
        // object), a Meta entry (has changes), or a whole Meta webhook body (object + entry[]).
        group.MapPost("/publish", async (HttpRequest request, SnsPublisher sns, EumEventBuilder events, CancellationToken cancellationToken) =>
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync(cancellationToken);
            JsonObject? body;
            try
            {
                body = JsonNode.Parse(text) as JsonObject;
            }
            catch (JsonException e)
            {
                return Results.Problem(statusCode: 400, title: "Body is not JSON", detail: e.Message);
            }
            if (body is null)
            {
                return Results.Problem(statusCode: 400, title: "Body must be a JSON object");
            }

            var messages = new List<string>();
            if (body.ContainsKey("whatsAppWebhookEntry"))
            {
                if (body["whatsAppWebhookEntry"] is JsonObject entryObject)
                {
                    body["whatsAppWebhookEntry"] = entryObject.ToJsonString();
                    text = body.ToJsonString();
                }
                messages.Add(text);
            }
            else if (body["entry"] is JsonArray entries)
            {
                messages.AddRange(entries.OfType<JsonObject>().Select(e => events.Wrap(e)));
            }
            else if (body.ContainsKey("changes"))
            {
                messages.Add(events.Wrap(body));
            }
            else
            {
                return Results.Problem(statusCode: 400, title: "Unrecognised event",
                    detail: "Send an EUM event (whatsAppWebhookEntry), a Meta webhook entry (id, changes) or a Meta webhook body (object, entry).");
            }

            var deliveries = new List<SnsDelivery>();
            foreach (var message in messages)
            {
                deliveries.Add(await sns.PublishAsync(message, "publish", cancellationToken));
            }
            return Results.Json(new { deliveries });
        });

        group.MapGet("/unsubscribe", (string? subscriptionArn) =>
            Results.Text($"Unsubscribe is not simulated; the sandbox keeps publishing to Sandbox:HubEventsUrl. ({subscriptionArn})"));
    }
}
