using Microsoft.Extensions.Options;
using WhatsAppHub.Sandbox.Eum;
using WhatsAppHub.Sandbox.Eum.Auth;
using WhatsAppHub.Sandbox.Eum.Operations;
using WhatsAppHub.Sandbox.Eum.World;
using WhatsAppHub.Sandbox.Faults;
using WhatsAppHub.Sandbox.Health;
using WhatsAppHub.Sandbox.Inbound;
using WhatsAppHub.Sandbox.Recording;
using WhatsAppHub.Sandbox.Sns;

namespace WhatsAppHub.Sandbox;

/// <summary>
/// The one composition of the sandbox, shared by Program.cs and by tests that host it in-process
/// (pass <c>--urls http://127.0.0.1:0</c> for a free port and read the bound address after start).
/// </summary>
public static class SandboxApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var section = builder.Configuration.GetSection(SandboxOptions.SectionName);
        var options = section.Get<SandboxOptions>() ?? new SandboxOptions();
        CheckOptions(options);
        builder.WebHost.UseUrls(LoopbackUrls(builder.Configuration["urls"]));

        var services = builder.Services;
        services.Configure<SandboxOptions>(section);
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SandboxOptions>>().Value;
            return new SigV4Verifier(EumServiceIdentity.SigningName, o.Region,
                new Dictionary<string, string> { [o.AccessKeyId] = o.SecretAccessKey }, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<EumPipeline>();
        services.AddSingleton<SandboxWorld>();
        services.AddSingleton<RequestLog>();
        services.AddSingleton<MessageLog>();
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<SendTally>();

        services.AddSingleton<IEumOperationGroup, SendOperations>();
        services.AddSingleton<IEumOperationGroup, AccountOperations>();
        services.AddSingleton<IEumOperationGroup, SignupOperations>();
        services.AddSingleton<IEumOperationGroup, TemplateOperations>();
        services.AddSingleton<IEumOperationGroup, TemplateLibraryOperations>();
        services.AddSingleton<IEumOperationGroup, MediaOperations>();
        services.AddSingleton<IEumOperationGroup, TagOperations>();

        services.AddSingleton<SnsSigningCertificate>();
        services.AddSingleton<PublicBaseUrl>();
        services.AddSingleton<DeliveryLog>();
        services.AddSingleton<SnsPublisher>();
        services.AddSingleton<EumEventBuilder>();
        services.AddSingleton<StatusPublisher>();
        services.AddSingleton<InboundRequestReader>();
        services.AddSingleton<InboundComposer>();
        services.AddSingleton<InboundPublisher>();
        services.AddSingleton<WhatsAppHub.Sandbox.Templates.TemplateReview>();
        // SNS gives an HTTP(S) endpoint 15 seconds to answer before it counts the attempt as failed.
        services.AddHttpClient(SnsPublisher.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddHttpClient(S3Objects.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<S3Objects>();

        var app = builder.Build();
        app.MapEum();
        app.MapRecording();
        app.MapSns();
        app.MapInbound();
        WhatsAppHub.Sandbox.Templates.TemplateRoutes.MapTemplates(app);
        app.MapHealth();
        app.MapFaults();
        LoadStartupFaultPlan(app, options);
        return app;
    }

    private static void CheckOptions(SandboxOptions o)
    {
        if (o.SnsSignatureVersion is not (1 or 2))
        {
            throw new InvalidOperationException($"Sandbox:SnsSignatureVersion must be 1 or 2, not {o.SnsSignatureVersion}.");
        }
        if (string.IsNullOrWhiteSpace(o.AccessKeyId) || string.IsNullOrWhiteSpace(o.SecretAccessKey))
        {
            throw new InvalidOperationException("Sandbox:AccessKeyId and Sandbox:SecretAccessKey must be set.");
        }
    }

    private static void LoadStartupFaultPlan(WebApplication app, SandboxOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.FaultPlan)) return;
        var operations = EumRoutes.AllOperations(app.Services).Select(op => op.Name).ToHashSet(StringComparer.Ordinal);
        var (plan, errors) = FaultPlanReader.Read(o.FaultPlan, operations);
        if (plan is null)
        {
            throw new InvalidOperationException("Sandbox:FaultPlan is not valid: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")));
        }
        app.Services.GetRequiredService<FaultInjector>().Replace(plan);
    }

    /// <summary>The sandbox accepts fake credentials, so it must never listen beyond this machine.</summary>
    private static string[] LoopbackUrls(string? configured)
    {
        var urls = string.IsNullOrWhiteSpace(configured)
            ? [SandboxOptions.DefaultUrl]
            : configured.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var url in urls)
        {
            var host = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : "";
            if (host is not ("127.0.0.1" or "localhost" or "[::1]"))
            {
                throw new InvalidOperationException($"The sandbox listens on loopback only (127.0.0.1); refusing '{url}'.");
            }
        }
        return urls;
    }
}
