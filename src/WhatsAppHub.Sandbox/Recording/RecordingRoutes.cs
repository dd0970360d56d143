namespace WhatsAppHub.Sandbox.Recording;

/// <summary>Inspection routes for what the hub sent: every EUM request, and the WhatsApp messages in particular.</summary>
public static class RecordingRoutes
{
    public static void MapRecording(this WebApplication app)
    {
        var group = app.MapGroup("/sandbox");

        group.MapGet("/requests", (RequestLog log, string? operation) =>
            Results.Json(log.Snapshot(operation is null ? null : r => r.Operation == operation)));
        group.MapDelete("/requests", (RequestLog log, MessageLog messages, SendTally tally) =>
        {
            log.Clear();
            messages.Clear();
            tally.Clear();
            return Results.NoContent();
        });

        group.MapGet("/messages", (MessageLog log) => Results.Json(log.Snapshot().Select(m => new
        {
            m.Time,
            m.RequestId,
            m.OriginationPhoneNumberId,
            m.MetaApiVersion,
            m.Message,
            m.SignatureValid,
            m.Accepted,
            m.ResponseStatus,
            m.ErrorType,
            m.ErrorMessage,
            m.MessageId,
            m.Statuses,
        })));

        group.MapGet("/sends/by-callback-data", (SendTally tally) => Results.Json(new { counts = tally.Snapshot(), untracked = tally.Untracked }));
    }
}
