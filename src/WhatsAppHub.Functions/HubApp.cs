using System.Text.Json.Serialization;
using WhatsAppHub.Aws.Eum;
using WhatsAppHub.Azure.Queues;
using WhatsAppHub.Azure.Storage;
using WhatsAppHub.Azure.Tables;
using WhatsAppHub.Functions.Analytics;
using WhatsAppHub.Functions.Analytics.Ctwa;
using WhatsAppHub.Functions.Campaigns;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Conversations;
using WhatsAppHub.Functions.Eum;
using WhatsAppHub.Functions.Events;
using WhatsAppHub.Functions.Health;
using WhatsAppHub.Functions.Inbound;
using WhatsAppHub.Functions.Media;
using WhatsAppHub.Functions.Messaging;
using WhatsAppHub.Functions.Messaging.Outbound;
using WhatsAppHub.Functions.OpenApi;
using WhatsAppHub.Functions.Payments;
using WhatsAppHub.Functions.Problems;
using WhatsAppHub.Functions.Security;
using WhatsAppHub.Functions.Storage;
using WhatsAppHub.Functions.Subscriptions;
using WhatsAppHub.Functions.Suppressions;
using WhatsAppHub.Functions.Templates;
using WhatsAppHub.Functions.Workflows;
using WhatsAppHub.Functions.Workflows.Welcome;

namespace WhatsAppHub.Functions;

/// <summary>
/// The composition root, shared by <c>Program</c> and the tests: settings are read and checked before anything starts,
/// then storage, EUM and the routes under <c>/api</c> are wired.
/// </summary>
public static class HubApp
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <exception cref="HubConfigurationException">A setting is missing or malformed.</exception>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        AddLocalDefaults(builder);
        configure?.Invoke(builder);
        ConfigureListener(builder);

        var options = HubSettingsReader.Read(builder.Configuration);
        var storage = StorageClients.Connect(options.Storage);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        var (tables, queues) = StorageClients.Services(storage, options.Storage.PumpCalls);
        builder.Services.AddSingleton(tables);
        builder.Services.AddSingleton(queues);
        builder.Services.AddSingleton<ISocialMessaging>(_ => EumClientFactory.Create(options.Eum));
        builder.Services.AddSingleton<StorageInitializer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        builder.Services.AddSingleton<MessageStore>();
        builder.Services.AddSingleton<AcceptedRows>();
        // Rows are handed to this instance's own worker only when it runs one.
        builder.Services.AddSingleton(services => new AcceptBatcher(services.GetRequiredService<MessageStore>(), services.GetRequiredService<QueueService>(),
            services.GetRequiredService<HubOptions>().Outbound.RunPumps ? services.GetRequiredService<AcceptedRows>() : null));
        builder.Services.AddSingleton<IdempotencyStore>();
        builder.Services.AddSingleton<ConversationStore>();
        builder.Services.AddSingleton<OpenWindowCache>();
        builder.Services.AddSingleton<ConversationMessageIndex>();
        builder.Services.AddSingleton<MessageStatusHistory>();
        builder.Services.AddSingleton<InboundReadRecorder>();
        builder.Services.AddSingleton<AcceptMessageHandler>();
        builder.Services.AddSingleton<SendCompletions>();
        builder.Services.AddSingleton<SendGovernor>();
        builder.Services.AddSingleton<RecipientPacing>();
        builder.Services.AddSingleton<UnansweredSends>();
        builder.Services.AddSingleton<SendWorker>();
        builder.Services.AddHostedService<OutboundPump>();
        builder.Services.AddSingleton<WhatsAppHub.Aws.Media.IMediaStore>(_ => MediaStoreFactory.Create(options.Media, options.Eum));
        builder.Services.AddSingleton<MediaUploadStore>();
        builder.Services.AddSingleton<UploadMediaHandler>();
        builder.Services.AddSingleton<DeleteMediaHandler>();
        builder.Services.AddSingleton<MediaIdResolver>();
        builder.Services.AddSingleton<MediaBuckets>();
        builder.Services.AddSingleton<GetMediaHandler>();
        builder.Services.AddSingleton<WhatsAppHub.Functions.Media.Downloads.MediaDownloadStore>();
        builder.Services.AddSingleton<WhatsAppHub.Functions.Media.Downloads.MediaDownloadScheduler>();
        builder.Services.AddSingleton<WhatsAppHub.Functions.Media.Downloads.MediaDownloadWorker>();
        builder.Services.AddHostedService<WhatsAppHub.Functions.Media.Downloads.MediaDownloadPump>();
        builder.Services.AddSingleton<HealthProbe>();
        AddSnsBridge(builder.Services, options.Sns);
        AddSubscribers(builder.Services);
        AddTemplates(builder.Services);
        AddAnalytics(builder.Services);
        AddWorkflows(builder.Services);
        AddCampaigns(builder.Services);
        AddPayments(builder.Services);
        builder.Services.AddHubOpenApi();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<StorageExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        app.MapHubOpenApi();
        var api = app.MapGroup("/api");
        api.MapHealthEndpoints();
        api.MapSnsEventsEndpoint(); // anonymous: SNS cannot send the function key, the signature authenticates
        api.MapPaymentCallbackEndpoint(); // anonymous too: gateways sign their callbacks with Payments__CallbackSecret
        var secured = api.MapGroup(string.Empty).RequireFunctionKey(options.ApiKey);
        secured.MapMessageEndpoints();
        secured.MapMediaEndpoints();
        secured.MapEventEndpoints();
        secured.MapConversationEndpoints();
        secured.MapSubscriptionEndpoints();
        secured.MapSuppressionEndpoints();
        secured.MapTemplateEndpoints();
        secured.MapAnalyticsEndpoints();
        secured.MapCtwaEndpoints();
        secured.MapWorkflowEndpoints();
        secured.MapWelcomeSequenceEndpoints();
        secured.MapCampaignEndpoints();
        secured.MapPaymentConfigEndpoints();
        secured.MapPaymentEndpoints();
        return app;
    }

    /// <summary>
    /// The SNS verifier and confirmer share one client that never follows redirects (a redirect could lead off the
    /// SNS host the URL rules checked).
    /// </summary>
    private static void AddSnsBridge(IServiceCollection services, SnsSettings settings)
    {
        services.AddSingleton(new WhatsAppHub.Aws.Sns.SnsUrlRules(settings.TrustedTestOrigin));
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            Timeout = TimeSpan.FromSeconds(15),
            MaxResponseContentBufferSize = 1024 * 1024,
        };
        services.AddSingleton(sp => new WhatsAppHub.Aws.Sns.SnsCertificateCache(http, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<WhatsAppHub.Aws.Sns.ISnsMessageVerifier, WhatsAppHub.Aws.Sns.SnsMessageVerifier>();
        services.AddSingleton(sp => new WhatsAppHub.Aws.Sns.SnsSubscriptionConfirmer(http, sp.GetRequiredService<WhatsAppHub.Aws.Sns.SnsUrlRules>()));
        services.AddSingleton<InboundEventStore>();
        services.AddSingleton<StatusWebhookHandler>();
        services.AddSingleton<InboundMessageHandler>();
        services.AddSingleton<WebhookEventStore>();
        services.AddSingleton<CtwaEventStore>();
        services.AddSingleton<EventRecorder>();
        services.AddSingleton<SuppressionStore>();
        services.AddSingleton<UserPreferenceHandler>();
        services.AddSingleton<InboundWorker>();
        services.AddHostedService<InboundPump>();
    }

    /// <summary>Subscriptions, the fan-out that creates their deliveries, and the pump that sends them.</summary>
    private static void AddSubscribers(IServiceCollection services)
    {
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<SubscriptionCache>();
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<SubscriberClient>();
        services.AddSingleton<EventFanout>();
        services.AddSingleton<DeliveryWorker>();
        services.AddHostedService<DeliveryPump>();
    }

    /// <summary>Template management through EUM, and the rows that webhooks keep in step.</summary>
    private static void AddTemplates(IServiceCollection services)
    {
        services.AddSingleton<TemplateStore>();
        services.AddSingleton<WabaResolver>();
        services.AddSingleton<TemplateSendGate>();
        services.AddSingleton<TemplateSync>();
        services.AddSingleton<CreateTemplateHandler>();
        services.AddSingleton<UpdateTemplateHandler>();
        services.AddSingleton<DeleteTemplateHandler>();
        services.AddSingleton<TemplateLibraryHandler>();
        services.AddSingleton<TemplateMediaHandler>();
        services.AddSingleton<TemplateWebhookHandler>();
        services.AddSingleton<TemplatePacing>();
        services.AddSingleton<TemplateMessages>();
        services.AddSingleton<SendTemplateHandler>();
    }

    /// <summary>
    /// Outcome counters of outbound messages, fed by the send and status paths, and of Click-to-WhatsApp ads, fed by the
    /// inbound path and the click and conversion routes; read by the analytics routes.
    /// </summary>
    private static void AddAnalytics(IServiceCollection services)
    {
        services.AddSingleton<OutcomeStore>();
        services.AddSingleton<OutcomeCounter>();
        services.AddSingleton<ReplyCounter>();
        services.AddSingleton<CtwaAttribution>();
        services.AddSingleton<CtwaMarkers>();
        services.AddSingleton<CtwaConversions>();
        services.AddSingleton<CtwaInboundCounter>();
        services.AddSingleton<CtwaClickStore>();
    }

    /// <summary>The workflow runner (definitions, effects, the pump that drains <c>workflows</c>) and welcome sequences.</summary>
    private static void AddWorkflows(IServiceCollection services)
    {
        services.AddSingleton<WhatsAppHub.Core.Workflows.IWorkflowDefinition, WhatsAppHub.Core.Workflows.Welcome.WelcomeSequenceWorkflow>();
        services.AddSingleton<IWorkflowEffect, SendMessageEffect>();
        services.AddSingleton<IWorkflowEffect, SendTemplateEffect>();
        services.AddSingleton<WorkflowDefinitions>();
        services.AddSingleton<WorkflowStore>();
        services.AddSingleton<WorkflowRunner>();
        services.AddSingleton<WorkflowWorker>();
        services.AddHostedService<WorkflowPump>();
        services.AddSingleton<WelcomeSequenceStore>();
        services.AddSingleton<InboundWorkflowSignals>();
    }

    /// <summary>Campaigns: the create and control routes, and the pump that runs them at their pace.</summary>
    private static void AddCampaigns(IServiceCollection services)
    {
        services.AddSingleton<CampaignStore>();
        services.AddSingleton<CreateCampaignHandler>();
        services.AddSingleton<CampaignControl>();
        services.AddSingleton<CampaignRunner>();
        services.AddHostedService<CampaignPump>();
    }

    /// <summary>Payments India: configurations, payments, the PaymentRequest workflow and its effect, the webhook signals.</summary>
    private static void AddPayments(IServiceCollection services)
    {
        services.AddSingleton<WhatsAppHub.Core.Workflows.IWorkflowDefinition, WhatsAppHub.Core.Workflows.Payments.PaymentRequestWorkflow>();
        services.AddSingleton<IWorkflowEffect, UpdatePaymentEffect>();
        services.AddSingleton<PaymentConfigStore>();
        services.AddSingleton<PaymentStore>();
        services.AddSingleton<PaymentSignals>();
        services.AddSingleton<CreatePaymentHandler>();
    }

    /// <summary>
    /// In Development the hub runs on its embedded local defaults (Azurite + the sandbox), under every other source,
    /// so a bare <c>dotnet run</c> works and any setting can still be overridden. Elsewhere nothing is assumed.
    /// </summary>
    private static void AddLocalDefaults(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment()) return;
        var defaults = HubSetting.All.Where(s => s.LocalDefault is not null).Select(s => KeyValuePair.Create(s.Key, s.LocalDefault));
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = defaults });
    }

    /// <summary>
    /// Loopback on 7071 by default; under the Azure Functions host (custom handler) the port it hands over in
    /// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> wins.
    /// </summary>
    private static void ConfigureListener(WebApplicationBuilder builder)
    {
        if (builder.Configuration["FUNCTIONS_CUSTOMHANDLER_PORT"] is { Length: > 0 } port)
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        else if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls(DefaultUrl);
    }
}
