namespace WhatsAppHub.Aws.Eum.Transform;

/// <summary>
/// Whether an operation sends a JSON body. restJson1 sends one exactly when some input member is
/// body-bound; in this model that is every POST and PUT, and never a GET or DELETE.
/// </summary>
internal enum RequestBody
{
    None,
    Json,
}
