using WhatsAppHub.Core.Media;
using WhatsAppHub.Core.Messaging;
using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Functions.Media;

/// <summary>
/// Lets a message name media by the hub's id (<c>"image": { "id": "hubmedia-…" }</c>, also in interactive headers and
/// template parameters): before the message is stored, each such id is replaced by the WhatsApp media id of its
/// MEDIA_UPLOAD row. An unknown or deleted id, media of another type, or media uploaded for another sending number
/// (WhatsApp lets only the uploading number send it) is a validation error naming the <c>id</c>'s JSON path.
/// </summary>
public sealed class MediaIdResolver(MediaUploadStore uploads)
{
    /// <summary>Rewrites <paramref name="message"/>'s hub media ids in place; returns the broken rules (none = done).</summary>
    public async Task<IReadOnlyList<ValidationError>> ResolveAsync(OutboundMessage message, string senderPhoneNumberId, CancellationToken cancellationToken)
    {
        var references = MediaReferences.Find(message.CloudApiMessage);
        if (references.Count == 0) return [];

        var errors = new ValidationErrors();
        var sender = PhoneNumberId.Normalize(senderPhoneNumberId);
        foreach (var reference in references)
        {
            var found = await uploads.FindAsync(reference.HubMediaId, cancellationToken);
            if (found is not var (upload, _) || upload.DeletedAt is not null)
                errors.Add(reference.Path, "exists", $"No media has the hub id '{reference.HubMediaId}'{(found is null ? "" : " any more (it was deleted)")}; upload it with POST /api/media.");
            else if (upload.MediaType != reference.MediaType)
                errors.Add(reference.Path, "mediaType", $"Media '{reference.HubMediaId}' was uploaded as {upload.MediaType}, not {reference.MediaType}.");
            else if (upload.PhoneNumberId != sender)
                errors.Add(reference.Path, "phoneNumberId", $"Media '{reference.HubMediaId}' was uploaded for {upload.PhoneNumberId}; only that number can send it.");
            else
                reference.Owner["id"] = upload.WhatsAppMediaId;
        }
        return errors.All;
    }
}
