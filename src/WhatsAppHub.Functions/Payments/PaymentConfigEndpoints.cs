using WhatsAppHub.Core.Payments;
using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Problems;
using WhatsAppHub.Functions.Templates;

namespace WhatsAppHub.Functions.Payments;

/// <summary>
/// Routes of <c>payment_onboarding</c>: the payment configurations of an account (<c>?waba=</c>, else the default
/// number's). The business links each gateway to its account in Meta's tools; recording it here under the same name
/// lets <c>POST /api/payments</c> refuse an unknown configuration before a message goes out, and fill in its gateway.
/// </summary>
public static class PaymentConfigEndpoints
{
    public const int MaxBodyBytes = 4 * 1024;

    public static RouteGroupBuilder MapPaymentConfigEndpoints(this RouteGroupBuilder api)
    {
        var configs = api.MapGroup("/payments/configurations").WithTags("Payments");
        configs.MapPost("/", CreateAsync).WithName("CreatePaymentConfiguration")
            .WithSummary("Record a payment configuration of the account: its name in Meta's tools and its gateway (razorpay, payu, billdesk, zaakpay or upi-intent); answers 201.");
        configs.MapGet("/", ListAsync).WithName("ListPaymentConfigurations")
            .WithSummary("List the account's payment configurations by name.");
        configs.MapGet("/{name}", GetAsync).WithName("GetPaymentConfiguration")
            .WithSummary("Read a payment configuration.");
        configs.MapPut("/{name}", PutAsync).WithName("PutPaymentConfiguration")
            .WithSummary("Create or replace a payment configuration (201 when new, 200 when replaced).");
        configs.MapDelete("/{name}", DeleteAsync).WithName("DeletePaymentConfiguration")
            .WithSummary("Delete a payment configuration; payments already sent keep running; answers 204.");
        return api;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, WabaResolver wabas, PaymentConfigStore store, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (wabaId, config, problem) = await ReadAsync(request, null, wabas, cancellationToken);
        if (problem is not null) return problem;
        var now = clock.GetUtcNow();
        if (!await store.InsertAsync(wabaId!, config!, now, cancellationToken))
            return HubProblems.Conflict("payment-configuration-exists", "A payment configuration with this name exists.",
                $"'{config!.Name}' exists already; PUT /api/payments/configurations/{config.Name} replaces it.");
        return Results.Created($"/api/payments/configurations/{config!.Name}", PaymentConfigView.From(new StoredPaymentConfig(wabaId!, config, now, now)));
    }

    private static async Task<IResult> PutAsync(string name, HttpRequest request, WabaResolver wabas, PaymentConfigStore store, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (wabaId, config, problem) = await ReadAsync(request, name, wabas, cancellationToken);
        if (problem is not null) return problem;
        var (stored, created) = await store.PutAsync(wabaId!, config!, clock.GetUtcNow(), cancellationToken);
        var view = PaymentConfigView.From(stored);
        return created ? Results.Created($"/api/payments/configurations/{name}", view) : Results.Ok(view);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, WabaResolver wabas, PaymentConfigStore store, CancellationToken cancellationToken)
    {
        var (wabaId, problem) = await WabaAsync(request, wabas, cancellationToken);
        if (problem is not null) return problem;
        var all = await store.ListAsync(wabaId!, cancellationToken);
        return Results.Ok(new PaymentConfigListView(all.Select(PaymentConfigView.From).ToList()));
    }

    private static async Task<IResult> GetAsync(string name, HttpRequest request, WabaResolver wabas, PaymentConfigStore store, CancellationToken cancellationToken)
    {
        var (wabaId, problem) = await WabaAsync(request, wabas, cancellationToken);
        if (problem is not null) return problem;
        return await store.GetAsync(wabaId!, name, cancellationToken) is { } stored ? Results.Ok(PaymentConfigView.From(stored)) : NotFound(name);
    }

    private static async Task<IResult> DeleteAsync(string name, HttpRequest request, WabaResolver wabas, PaymentConfigStore store, CancellationToken cancellationToken)
    {
        var (wabaId, problem) = await WabaAsync(request, wabas, cancellationToken);
        if (problem is not null) return problem;
        if (!PaymentConfigRules.IsName(name) || !await store.DeleteAsync(wabaId!, name, cancellationToken)) return NotFound(name);
        return Results.NoContent();
    }

    /// <summary>The account and the checked body; every bad field (and a bad <c>?waba=</c>) named in one problem.</summary>
    private static async Task<(string? WabaId, PaymentConfig? Config, IResult? Problem)> ReadAsync(HttpRequest request, string? routeName,
        WabaResolver wabas, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null) return (null, null, body.Problem);
        var errors = new ValidationErrors();
        var given = WabaResolver.Read(request.Query, errors);
        var (config, bodyErrors) = PaymentConfigRules.Read(body.Bytes.Span, routeName);
        foreach (var e in bodyErrors) errors.Add(e.Path, e.Rule, e.Message);
        if (!errors.IsEmpty) return (null, null, HubProblems.Validation(errors.All));
        var (wabaId, problem) = await wabas.ResolveAsync(given, cancellationToken);
        return (wabaId, config, problem);
    }

    private static async Task<(string? WabaId, IResult? Problem)> WabaAsync(HttpRequest request, WabaResolver wabas, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var given = WabaResolver.Read(request.Query, errors);
        if (!errors.IsEmpty) return (null, HubProblems.Validation(errors.All));
        return await wabas.ResolveAsync(given, cancellationToken);
    }

    private static IResult NotFound(string name) =>
        HubProblems.NotFound($"The account has no payment configuration named '{(name.Length > 64 ? name[..64] + "…" : name)}'.");
}
