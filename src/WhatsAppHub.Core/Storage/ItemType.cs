namespace WhatsAppHub.Core.Storage;

/// <summary>
/// The 25 keyed item types of the specification. Every stored row carries one in its <c>itemType</c>
/// property, so a table that holds several kinds can still be read by kind.
/// </summary>
public static class ItemType
{
    public const string PropertyName = "itemType";

    public const string Message = "MESSAGE";
    public const string Conversation = "CONVERSATION";
    public const string MessageStatus = "MESSAGE_STATUS";
    public const string BusinessProfile = "BUSINESS_PROFILE";
    public const string TemplateDefinition = "TEMPLATE_DEFINITION";
    public const string MarketingMessage = "MARKETING_MESSAGE";
    public const string AuthMessage = "AUTH_MESSAGE";
    public const string WebhookConfig = "WEBHOOK_CONFIG";
    public const string WebhookEvent = "WEBHOOK_EVENT";
    public const string WixOrder = "WIX_ORDER";
    public const string Call = "CALL";
    public const string CallSettings = "CALL_SETTINGS";
    public const string Group = "GROUP";
    public const string GroupParticipant = "GROUP_PARTICIPANT";
    public const string GroupMessage = "GROUP_MESSAGE";
    public const string CtwaEvent = "CTWA_EVENT";
    public const string WelcomeSequence = "WELCOME_SEQUENCE";
    public const string AnalyticsSnapshot = "ANALYTICS_SNAPSHOT";
    public const string Catalog = "CATALOG";
    public const string Product = "PRODUCT";
    public const string PaymentConfig = "PAYMENT_CONFIG";
    public const string Payment = "PAYMENT";
    public const string MediaUpload = "MEDIA_UPLOAD";
    public const string MediaDownload = "MEDIA_DOWNLOAD";
    public const string S3LifecycleConfig = "S3_LIFECYCLE_CONFIG";

    public static IReadOnlyList<string> All { get; } =
    [
        Message, Conversation, MessageStatus, BusinessProfile, TemplateDefinition, MarketingMessage, AuthMessage,
        WebhookConfig, WebhookEvent, WixOrder, Call, CallSettings, Group, GroupParticipant, GroupMessage, CtwaEvent,
        WelcomeSequence, AnalyticsSnapshot, Catalog, Product, PaymentConfig, Payment, MediaUpload, MediaDownload,
        S3LifecycleConfig,
    ];
}
