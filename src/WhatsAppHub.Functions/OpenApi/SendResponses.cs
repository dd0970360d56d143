using WhatsAppHub.Functions.Messaging;

namespace WhatsAppHub.Functions.OpenApi;

/// <summary>What a send answers, as endpoint metadata the generator turns into responses (the handlers return <see cref="IResult"/>).</summary>
public static class SendResponses
{
    public static RouteHandlerBuilder ProducesSendResponses(this RouteHandlerBuilder send) => send
        .Produces<MessageView>(StatusCodes.Status202Accepted)
        .Produces<MessageView>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
