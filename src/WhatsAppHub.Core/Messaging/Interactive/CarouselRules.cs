using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Interactive;

/// <summary>
/// Carousel (§1.7.7): a required body and 2–10 cards, each with a unique <c>card_index</c> 0–9. Either every card
/// is a media card (<c>type: "cta_url"</c>, see <see cref="MediaCardRules"/>) or every card is a product card
/// (<c>type: "product"</c>, all from one catalog). The message itself takes no header or footer.
/// </summary>
public sealed class CarouselRules : IInteractiveTypeRules
{
    public const int MinCards = 2;
    public const int MaxCards = 10;
    public const int MaxCardIndex = 9;

    private static readonly HashSet<string> ActionMembers = ["cards"];
    private static readonly HashSet<string> ProductCardMembers = ["card_index", "type", "action"];
    private static readonly HashSet<string> ProductActionMembers = ["product_retailer_id", "catalog_id"];

    public string Type => "carousel";

    public InteractiveParts Parts => InteractiveParts.BodyOnly;

    public void ValidateAction(JsonObject action, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(action, path, errors, ActionMembers);
        var cards = JsonRules.Array(action, "cards", path, errors, required: true, minCount: MinCards, maxCount: MaxCards);
        if (cards is null) return;
        var indexes = new DistinctValues("card_index");
        var media = new MediaCardRules();
        string? firstType = null;
        string? firstCatalog = null;
        foreach (var (card, cardPath) in JsonRules.Objects(cards, JsonPath.Member(path, "cards"), errors))
        {
            var index = JsonRules.Integer(card, "card_index", cardPath, errors, required: true, min: 0, max: MaxCardIndex);
            indexes.Check(index?.ToString(System.Globalization.CultureInfo.InvariantCulture), JsonPath.Member(cardPath, "card_index"), errors);

            var type = JsonRules.String(card, "type", cardPath, errors, required: true, minLength: 1);
            var typePath = JsonPath.Member(cardPath, "type");
            if (type is not ("cta_url" or "product"))
            {
                if (type is { Length: > 0 }) errors.Add(typePath, "enum", "A card's 'type' must be \"cta_url\" (media card) or \"product\".");
                continue;
            }
            firstType ??= type;
            if (type != firstType)
            {
                errors.Add(typePath, "consistent", $"Every card of a carousel must have the same 'type' as the first (\"{firstType}\").");
                continue;
            }
            if (type == "product") ValidateProductCard(card, cardPath, errors, ref firstCatalog);
            else media.Validate(card, cardPath, errors);
        }
    }

    private static void ValidateProductCard(JsonObject card, string path, ValidationErrors errors, ref string? firstCatalog)
    {
        JsonRules.OnlyKnownMembers(card, path, errors, ProductCardMembers);
        if (JsonRules.Object(card, "action", path, errors, required: true) is not { } action) return;
        var actionPath = JsonPath.Member(path, "action");
        JsonRules.OnlyKnownMembers(action, actionPath, errors, ProductActionMembers);
        ActionRules.RetailerId(action, "product_retailer_id", actionPath, errors);
        var catalog = ActionRules.CatalogId(action, actionPath, errors);
        if (catalog is null) return;
        firstCatalog ??= catalog;
        if (catalog != firstCatalog)
            errors.Add(JsonPath.Member(actionPath, "catalog_id"), "consistent", "Every card of a product carousel must use the same catalog as the first.");
    }
}
