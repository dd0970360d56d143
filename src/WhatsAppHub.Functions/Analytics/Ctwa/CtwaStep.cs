namespace WhatsAppHub.Functions.Analytics.Ctwa;

/// <summary>The steps of an ad's Click-to-WhatsApp funnel (docs/data-model.md, "CTWA funnel").</summary>
public enum CtwaStep
{
    /// <summary>A click reported through <c>POST /api/analytics/ctwa/clicks</c>.</summary>
    Click,

    /// <summary>A contact's first message from the ad (once per contact and ad).</summary>
    Conversation,

    /// <summary>The contact wrote again after their referral message (once per contact, on the ad of their first referral).</summary>
    Reply,

    /// <summary>The contact ordered, paid or converted as reported from outside (once per contact, on the ad of their first referral).</summary>
    Conversion,
}
