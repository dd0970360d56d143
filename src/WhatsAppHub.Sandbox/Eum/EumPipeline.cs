using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using WhatsAppHub.Sandbox.Eum.Auth;
using WhatsAppHub.Sandbox.Eum.Validation;
using WhatsAppHub.Sandbox.Faults;
using WhatsAppHub.Sandbox.Recording;

namespace WhatsAppHub.Sandbox.Eum;

/// <summary>
/// What happens to every EUM request, whatever the operation: request id, SigV4 check, input
/// parsing, the operation, the restJson1 answer, and one record in the request log.
/// </summary>
public sealed class EumPipeline(SigV4Verifier verifier, RequestLog log, FaultInjector faults, TimeProvider time, ILogger<EumPipeline> logger)
{
    private static readonly JsonSerializerOptions ResponseJson = new() { WriteIndented = false };

    public async Task HandleAsync(HttpContext context, EumOperation? operation)
    {
        var requestId = Guid.NewGuid().ToString();
        context.Response.Headers["x-amzn-RequestId"] = requestId;

        var request = context.Request;
        var body = await ReadBodyAsync(request, context.RequestAborted);
        var (rawPath, rawQuery) = SplitTarget(context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString);
        var query = ParseQuery(rawQuery);
        var bodyText = Encoding.UTF8.GetString(body);

        var record = new RecordedRequest
        {
            Sequence = log.NextSequence(),
            Time = time.GetUtcNow(),
            RequestId = requestId,
            Operation = operation?.Name ?? "Unknown",
            Method = request.Method,
            Path = rawPath,
            QueryString = rawQuery,
            Query = query,
            ContentType = request.ContentType,
            Body = bodyText,
            BodyJson = TryParseJson(bodyText),
        };

        var headers = request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? ""))).ToList();
        var auth = verifier.Verify(new SignedRequest(request.Method, rawPath, rawQuery, headers, body));
        record.AccessKeyId = auth.AccessKeyId ?? AccessKeyOf(request.Headers.Authorization.ToString());
        record.SignatureValid = auth.IsValid;
        record.SignatureErrorType = auth.ErrorType;
        record.SignatureError = auth.Message;

        int status;
        JsonObject responseBody;
        var fault = FaultDecision.None;
        if (!auth.IsValid)
        {
            (status, responseBody) = Error(context, 403, auth.ErrorType!, auth.Message!, record);
        }
        else if (operation is null)
        {
            (status, responseBody) = Error(context, 404, "UnknownOperationException", $"No EUM operation is bound to {request.Method} {rawPath}.", record);
        }
        else if ((fault = faults.Decide(operation.Name, operation.Name == "SendWhatsAppMessage" ? SendRecipient.Digits(record.BodyJson) : null)).Error is { } injected)
        {
            // An injected error stands for a call EUM refused: the operation does not run, so nothing is recorded as sent.
            (status, responseBody) = Error(context, injected.Status, injected.ErrorType, injected.Message, record);
        }
        else
        {
            try
            {
                var input = new InputReader(query, operation.HasBody ? ParseBody(bodyText) : []) { RequestId = requestId };
                responseBody = operation.Handle(input);
                status = 200;
            }
            catch (EumException e)
            {
                (status, responseBody) = Error(context, e.Status, e.ErrorType, e.Message, record);
            }
        }

        record.ResponseStatus = status;
        record.ResponseBody = responseBody.DeepClone();
        record.Fault = fault.Fault;
        log.Add(record);
        if (status != 200)
        {
            logger.LogInformation("EUM {Operation} refused: {Status} {ErrorType}", record.Operation, status, record.ErrorType);
            operation?.OnRefused?.Invoke(record);
        }

        if (fault.Latency > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(fault.Latency, time, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up waiting; the call was carried out all the same
            }
        }
        if (fault.Drop)
        {
            // The request went out and was carried out, but no answer comes back: cut the connection.
            context.Abort();
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(responseBody.ToJsonString(ResponseJson), context.RequestAborted);
    }

    private static (int, JsonObject) Error(HttpContext context, int status, string errorType, string message, RecordedRequest record)
    {
        context.Response.Headers["x-amzn-ErrorType"] = errorType;
        record.ErrorType = errorType;
        record.ErrorMessage = message;
        return (status, new JsonObject { ["message"] = message });
    }

    private static JsonObject ParseBody(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw EumException.Serialization("The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw EumException.Serialization($"The request body is not valid JSON: {e.Message}");
        }
    }

    private static JsonNode? TryParseJson(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static (string Path, string Query) SplitTarget(string rawTarget)
    {
        var q = rawTarget.IndexOf('?');
        return q < 0 ? (rawTarget, "") : (rawTarget[..q], rawTarget[(q + 1)..]);
    }

    /// <summary>Decoded query members; a repeated name keeps its first value (no list-valued query members in this model).</summary>
    private static Dictionary<string, string> ParseQuery(string rawQuery)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            var name = AwsUriEncoding.Decode(eq < 0 ? part : part[..eq]);
            var value = eq < 0 ? "" : AwsUriEncoding.Decode(part[(eq + 1)..]);
            result.TryAdd(name, value);
        }
        return result;
    }

    private static string? AccessKeyOf(string authorization)
    {
        var start = authorization.IndexOf("Credential=", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }
        start += "Credential=".Length;
        var end = authorization.IndexOf('/', start);
        return end > start ? authorization[start..end] : null;
    }
}
