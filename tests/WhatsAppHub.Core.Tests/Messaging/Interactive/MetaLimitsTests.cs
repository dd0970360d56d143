using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Messaging.Interactive;

namespace WhatsAppHub.Core.Tests.Messaging.Interactive;

/// <summary>
/// The rule tests count from the rules' constants; this pins each constant to the number Meta states (reference §1.7
/// and §9), so a wrong constant cannot hide behind tests that share it.
/// </summary>
public class MetaLimitsTests
{
    [Fact]
    public void Each_limit_is_the_one_meta_states()
    {
        (int Actual, int Meta, string What)[] limits =
        [
            (TextPartRules.MaxBodyLength, 1024, "body"),
            (TextPartRules.MaxFooterLength, 60, "footer"),
            (HeaderRules.MaxTextLength, 60, "text header"),
            (ReplyButtonRules.MaxButtons, 3, "reply buttons"),
            (ReplyButtonRules.MaxIdLength, 256, "reply id"),
            (ReplyButtonRules.MaxTitleLength, 20, "reply title"),
            (ListRules.MaxButtonLength, 20, "list button"),
            (ListRules.MaxSections, 10, "list sections"),
            (ListRules.MaxRowsTotal, 10, "list rows"),
            (ListRules.MaxSectionTitleLength, 24, "list section title"),
            (ListRules.MaxRowIdLength, 200, "row id"),
            (ListRules.MaxRowTitleLength, 24, "row title"),
            (ListRules.MaxRowDescriptionLength, 72, "row description"),
            (CtaUrlRules.MaxDisplayTextLength, 20, "CTA display text"),
            (ProductSections.MaxSections, 10, "MPM sections"),
            (ProductSections.MaxProducts, 30, "MPM products"),
            (ProductSections.MaxTitleLength, 24, "MPM section title"),
            (CarouselRules.MinCards, 2, "carousel min cards"),
            (CarouselRules.MaxCards, 10, "carousel max cards"),
            (CarouselRules.MaxCardIndex, 9, "card_index"),
            (MediaCardRules.MaxBodyLength, 160, "card body"),
            (MediaCardRules.MaxBodyLineBreaks, 2, "card body line breaks"),
            (MediaCardRules.MaxQuickReplyIdLength, 20, "quick reply id"),
            (MediaCardRules.MaxQuickReplyTitleLength, 20, "quick reply title"),
            (AddressMessageRules.MaxPostCodeLength, 6, "postal code"),
            (FlowRules.MaxCtaLength, 20, "flow_cta"),
            (FlowRules.MaxTokenLength, 200, "flow_token"),
            (VoiceCallRules.MaxDisplayTextLength, 20, "voice call display text"),
            (VoiceCallRules.MaxTtlMinutes, 43_200, "voice call ttl"),
            (VoiceCallRules.MaxPayloadLength, 512, "voice call payload"),
            (OrderDetailsRules.MaxReferenceIdLength, 35, "order reference_id"),
            (OrderDetailsRules.MaxItemNameLength, 60, "order item name"),
            (OrderDetailsRules.MaxItemsWithImages, 10, "order items with custom images"),
            (OrderDetailsRules.MaxBeneficiaryNameLength, 200, "beneficiary name"),
            (OrderDetailsRules.MaxAddressLineLength, 100, "beneficiary address line"),
            (OrderDetailsRules.PostalCodeLength, 6, "beneficiary postal code"),
            (OrderAmountRules.Offset, 100, "amount offset"),
            (PaymentSettingsRules.MaxConfigurationNameLength, 60, "payment configuration name"),
            (PaymentSettingsRules.MaxRazorpayNotes, 15, "Razorpay notes"),
            (PaymentSettingsRules.MaxRazorpayNoteLength, 256, "Razorpay note value"),
            (PaymentSettingsRules.MaxRazorpayReceiptLength, 40, "Razorpay receipt"),
            (PaymentSettingsRules.MaxPayUFieldLength, 255, "PayU udf"),
            (PaymentSettingsRules.MaxZaakpayFieldLength, 180, "Zaakpay extra"),
            (PaymentSettingsRules.MaxBillDeskFieldLength, 120, "BillDesk additional_info"),
        ];
        Assert.All(limits, l => Assert.True(l.Actual == l.Meta, $"{l.What}: {l.Actual}, Meta states {l.Meta}"));
    }
}
