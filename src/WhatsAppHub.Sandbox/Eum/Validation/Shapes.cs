namespace WhatsAppHub.Sandbox.Eum.Validation;

/// <summary>
/// The string constraints of the EUM model (socialmessaging.smithy.json, eum-api.md §6-7) that inputs
/// are checked against. Restated by hand: the sandbox must not depend on the model file at run time.
/// </summary>
public static class Shapes
{
    public static readonly StringShape Unconstrained = new(null, null);
    public static readonly StringShape LinkedWhatsAppBusinessAccountId = new(1, 115, "(^waba-.*$)|(^arn:.*:waba/[0-9a-zA-Z]+$)");
    public static readonly StringShape WhatsAppPhoneNumberId = new(1, 115, "(^phone-number-id-.*$)|(^arn:.*:phone-number-id/[0-9a-zA-Z]+$)");
    public static readonly StringShape WhatsAppBusinessAccountId = new(1, 100);
    public static readonly StringShape WhatsAppPhoneNumber = new(1, 100);
    public static readonly StringShape WhatsAppMediaId = new(1, 100, "^[A-Za-z0-9]+$");
    public static readonly StringShape MetaTemplateId = new(1, 100, "^[0-9]+$");
    public static readonly StringShape MetaTemplateName = new(1, 512);
    public static readonly StringShape MetaTemplateLanguage = new(1, 6);
    public static readonly StringShape MetaTemplateCategory = new(1, 100);
    public static readonly StringShape MetaParameterFormat = new(1, 15);
    public static readonly StringShape NextToken = new(1, 600);
    public static readonly StringShape Arn = new(null, 2048, "^arn:.*$");
    public static readonly StringShape EventDestinationArn = new(null, 2048, "^arn:.*:[a-z-]+([/:](.*))?$");
    public static readonly StringShape RoleArn = new(null, null, @"^arn:.*:iam::\d{12}:role\/[a-zA-Z0-9+=,.@\-_]+$");
    public static readonly StringShape IsoCountryCode = new(null, null, "^[A-Z]{2}$");
    public static readonly StringShape BucketName = new(3, 63, "^[a-z0-9][a-z0-9.-]*[a-z0-9]$");
    public static readonly StringShape S3Key = new(0, 1024);
    public static readonly StringShape S3PresignedUrl = new(1, 2000, "^https://(.*)s3(.*).amazonaws.com/(.*)$");
    public static readonly StringShape TagKey = new(1, 128);
    public static readonly StringShape TagValue = new(null, 256);
    public static readonly StringShape AccessToken = new(null, 1000, sensitive: true);
    public static readonly StringShape CallbackUrl = new(null, 100);
    public static readonly StringShape AssociateInProgressToken = new(null, 50, sensitive: true);
    public static readonly StringShape TwoFactorPin = new(1, 6, sensitive: true);
    public static readonly StringShape PhoneNumber = new(1, 20);
    public static readonly StringShape ButtonType = new(1, 25);
    public static readonly StringShape OtpType = new(1, 25);
    public static readonly StringShape FilterKey = new(1, 100);
    public static readonly StringShape FilterValue = new(1, 100);
    public static readonly StringShape UrlSuffixKey = new(1, 30);
    public static readonly StringShape UrlSuffixValue = new(1, 400);
    public static readonly StringShape SupportedAppKey = new(1, 30);
    public static readonly StringShape SupportedAppValue = new(1, 100);
}
