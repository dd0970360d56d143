using System.Text.Json.Nodes;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Messaging.Content;

/// <summary>
/// Location message (§1.4), also the shape of a template's location header parameter: <c>latitude</c> and
/// <c>longitude</c> in decimal degrees (required), optional <c>name</c> and <c>address</c>.
/// </summary>
public sealed class LocationContentRules : IMessageContentRules
{
    /// <summary>Hub limit for name and address: Meta states none; this keeps a typo'd paste from travelling.</summary>
    public const int MaxTextLength = 1024;
    /// <summary>Decimal degrees: latitude lies in ±90, longitude in ±180.</summary>
    public const double MaxLatitude = 90;
    public const double MaxLongitude = 180;

    private static readonly HashSet<string> Members = ["latitude", "longitude", "name", "address"];

    public static LocationContentRules Instance { get; } = new();

    public string Type => "location";

    public void Validate(JsonObject content, string path, ValidationErrors errors)
    {
        JsonRules.OnlyKnownMembers(content, path, errors, Members);
        JsonRules.Number(content, "latitude", path, errors, required: true, min: -MaxLatitude, max: MaxLatitude);
        JsonRules.Number(content, "longitude", path, errors, required: true, min: -MaxLongitude, max: MaxLongitude);
        JsonRules.String(content, "name", path, errors, required: false, minLength: 1, maxLength: MaxTextLength);
        JsonRules.String(content, "address", path, errors, required: false, minLength: 1, maxLength: MaxTextLength);
    }
}
