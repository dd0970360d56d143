using System.Text.Json.Nodes;

namespace WhatsAppHub.Sandbox.Inbound;

/// <summary>Which part of a Meta webhook an inbound type fills, and so what a request's overrides are merged over.</summary>
public enum InboundPart
{
    /// <summary>One <c>value.messages[]</c> item, with <c>value.contacts[]</c> naming the sender.</summary>
    Message,

    /// <summary>One <c>value.statuses[]</c> item about a message the business sent.</summary>
    Status,

    /// <summary>One <c>value.statuses[]</c> item of <c>type: "payment"</c>: what became of an order's payment (§8.6).</summary>
    Payment,

    /// <summary>One <c>value.errors[]</c> item (a problem not tied to one message).</summary>
    Error,

    /// <summary>The whole <c>value</c> of a change whose field is not <c>messages</c> (management, calls, groups).</summary>
    Field,
}

/// <summary>
/// One type <c>POST /sandbox/inbound/{type}</c> can publish.
/// </summary>
/// <param name="Type">The route's name for it (<c>text</c>, <c>button_reply</c>, <c>status-read</c>, <c>account_update</c>).</param>
/// <param name="Field">The change's <c>field</c>.</param>
/// <param name="Part">What <paramref name="Sample"/> builds.</param>
/// <param name="Sample">
/// The realistic default: for a message its type and content (the sender, id and timestamp are added around it);
/// otherwise the whole status item, error item or change value.
/// </param>
/// <param name="HasSender">Whether the type names a contact, so that a request's <c>from</c> means something.</param>
/// <param name="Media">The file a media message carries; it becomes a media object in the sandbox world.</param>
public sealed record InboundKind(
    string Type,
    string Field,
    InboundPart Part,
    Func<SampleContext, JsonObject> Sample,
    bool HasSender = true,
    SampleFile? Media = null)
{
    /// <summary><c>system</c> messages come without <c>contacts</c> (§5.3); every other message lists its sender.</summary>
    public bool ListsContacts => Part == InboundPart.Message && Type != "system";
}
