using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using WhatsAppHub.Sandbox.Eum;
using WhatsAppHub.Sandbox.Eum.World;
using WhatsAppHub.Sandbox.Sns;

namespace WhatsAppHub.Sandbox.Inbound;

/// <summary>What the default samples are built from: who writes, to which number, when, and the media id they carry.</summary>
public sealed class SampleContext(EumEventBuilder events)
{
    /// <summary>The contact's number, digits only, as Meta writes <c>from</c> and <c>wa_id</c>.</summary>
    public required string From { get; init; }
    public required string ProfileName { get; init; }
    public required LinkedAccount Account { get; init; }
    public required LinkedPhoneNumber Phone { get; init; }
    public required DateTimeOffset Now { get; init; }
    public string? MediaId { get; init; }

    public string BusinessDigits => Phone.Digits;
    public string UnixNow => Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>A fresh id for a message the business sent the contact (what a reply or reaction points at).</summary>
    public string OurWamid() => Wamid.New(From);

    /// <summary>The <c>contacts[]</c> entry of the sender, as inbound webhooks carry it.</summary>
    public JsonObject Contact() => new() { ["profile"] = new JsonObject { ["name"] = ProfileName }, ["wa_id"] = From };

    public JsonObject Metadata() => new() { ["display_phone_number"] = BusinessDigits, ["phone_number_id"] = Phone.MetaPhoneNumberId };

    /// <summary>A group id as Meta shows them: Base64 of <c>capi_group:&lt;business number&gt;:&lt;number&gt;</c>.</summary>
    public string GroupId() => Convert.ToBase64String(Encoding.ASCII.GetBytes($"capi_group:{BusinessDigits}:{ResourceIds.NewNumeric(12)}"));

    /// <summary>The media object of a media message: the type, hash and id of the file, and a Meta download URL.</summary>
    public JsonObject Media(SampleFile file) => new()
    {
        ["mime_type"] = file.MimeType,
        ["sha256"] = file.Sha256,
        ["id"] = MediaId,
        ["url"] = $"https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid={MediaId}",
    };

    /// <summary>
    /// A status of a utility template the business sent the contact, built as the sandbox's own status webhooks are.
    /// Pricing rides on sent and delivered (as when delivered arrives before read, §5.4).
    /// </summary>
    public JsonObject Status(string status) => events.StatusItem(
        new StatusJob(OurWamid(), From, RecipientType: null, BizOpaqueCallbackData: null, PricingCategory: "utility", Billable: true,
            MetaApiMajorVersion: null, ConversationId: "", Account.MetaWabaId, Phone.MetaPhoneNumberId, BusinessDigits),
        status, withPricing: status is "sent" or "delivered");

    /// <summary>
    /// A payment status (§8.6, the BSPs' shape): ₹590.00 for the order <c>sandbox-order-1</c> through Razorpay by UPI;
    /// the transaction says success, pending or failed (with the gateway's error) to match <paramref name="status"/>.
    /// </summary>
    public JsonObject Payment(string status)
    {
        var transaction = new JsonObject
        {
            ["id"] = "pay_" + ResourceIds.NewNumeric(14),
            ["type"] = "razorpay",
            ["status"] = status switch { "captured" => "success", "failed" => "failed", _ => "pending" },
            ["created_timestamp"] = Now.ToUnixTimeSeconds(),
            ["updated_timestamp"] = Now.ToUnixTimeSeconds(),
            ["method_type"] = "upi",
        };
        if (status == "failed")
            transaction["error"] = new JsonObject { ["code"] = "BAD_REQUEST_ERROR", ["reason"] = "Payment declined by the bank" };
        return new JsonObject
        {
            ["id"] = OurWamid(),
            ["status"] = status,
            ["type"] = "payment",
            ["timestamp"] = UnixNow,
            ["recipient_id"] = From,
            ["payment"] = new JsonObject
            {
                ["reference_id"] = "sandbox-order-1",
                ["amount"] = new JsonObject { ["value"] = 59000, ["offset"] = 100 },
                ["currency"] = "INR",
                ["transaction"] = transaction,
            },
        };
    }
}
