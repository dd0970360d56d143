using WhatsAppHub.Core.Validation;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Functions.Messaging;
using WhatsAppHub.Functions.Problems;

namespace WhatsAppHub.Functions.Conversations;

/// <summary>Routes of the Conversations area: list conversations, read one, list its messages in both directions.</summary>
public static class ConversationEndpoints
{
    public static RouteGroupBuilder MapConversationEndpoints(this RouteGroupBuilder api)
    {
        var conversations = api.MapGroup("/conversations").WithTags("Conversations");
        conversations.MapGet("/", ListAsync).WithName("ListConversations")
            .WithSummary("List conversations (of one phoneNumberId, or all), by number and contact, optionally only those with a message since a time.");
        conversations.MapGet("/{waId}", GetAsync).WithName("GetConversation")
            .WithSummary("Read the conversation with a contact: contact name, 24-hour window end, unread count, last message.");
        conversations.MapGet("/{waId}/messages", ListMessagesAsync).WithName("ListConversationMessages")
            .WithSummary("List the messages exchanged with a contact, received and sent, newest first.");
        return api;
    }

    private static async Task<IResult> ListAsync(HttpRequest request, ConversationStore store, CancellationToken cancellationToken)
    {
        var (query, errors) = ConversationListQuery.Read(request.Query);
        if (query is null) return HubProblems.Validation(errors);
        var (items, continuation) = await store.ListAsync(query, cancellationToken);
        return Results.Ok(new ConversationListView(items, continuation?.ToToken()));
    }

    private static async Task<IResult> GetAsync(string waId, HttpRequest request, ConversationStore store, HubOptions options, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var contact = ConversationListQuery.ReadWaId(waId, errors);
        var (query, all) = ConversationListQuery.Read(request.Query, errors);
        if (query is null || contact is null) return HubProblems.Validation(all);
        var number = query.PhoneNumberId ?? Core.Messaging.PhoneNumberId.Normalize(options.Eum.DefaultPhoneNumberId);
        return await store.FindAsync(number, contact, cancellationToken) is { } found
            ? Results.Ok(found)
            : HubProblems.NotFound($"Phone number {number} has no conversation with that contact.");
    }

    private static async Task<IResult> ListMessagesAsync(string waId, HttpRequest request, ConversationMessageIndex index, MessageStore messages,
        HubOptions options, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var contact = ConversationListQuery.ReadWaId(waId, errors);
        var (query, all) = ConversationListQuery.Read(request.Query, errors);
        if (query is null || contact is null) return HubProblems.Validation(all);
        var number = query.PhoneNumberId ?? Core.Messaging.PhoneNumberId.Normalize(options.Eum.DefaultPhoneNumberId);
        var (ids, continuation) = await index.ListAsync(number, contact, query.Limit, query.Continuation, cancellationToken);
        var found = await messages.FindAllAsync(ids, cancellationToken);
        // Index order (newest first); the MESSAGE rows give the current status.
        var items = ids.Where(found.ContainsKey).Select(id => MessageView.From(found[id].Message)).ToList();
        return Results.Ok(new MessageListView(items, continuation?.ToToken()));
    }
}
