using WhatsAppHub.Core.Validation;

namespace WhatsAppHub.Core.Media;

/// <summary>
/// Checks a file against <see cref="MediaFormats"/> and records every broken rule with the path of the field that
/// breaks it, so a caller learns before uploading what WhatsApp would refuse after.
/// </summary>
public static class MediaFileRules
{
    /// <summary>Meta's document file names are shown to the recipient; longer names are cut or refused.</summary>
    public const int MaxFileNameLength = 240;

    /// <summary>Rule name of a file over its type's limit (an upload answers 413 when it is the only one broken).</summary>
    public const string MaxSizeRule = "maxSize";

    /// <summary>Checks <paramref name="file"/>; returns the media type it was checked as (given or inferred), or null when none fits.</summary>
    public static string? Validate(MediaFile file, MediaFilePaths paths, ValidationErrors errors)
    {
        var mimeType = file.MimeType is { } m ? MediaFormats.MimeEssence(m) : null;
        if (string.IsNullOrEmpty(mimeType))
        {
            errors.Add(paths.MimeType, "required", "The MIME type is required (e.g. image/jpeg).");
            mimeType = null;
        }

        var type = file.Type;
        if (type is null)
        {
            type = mimeType is null ? null : MediaFormats.TypeOf(mimeType);
            if (type is null && mimeType is not null)
                errors.Add(paths.MimeType, "enum", $"WhatsApp takes no media of type '{mimeType}'; allowed: {string.Join(", ", AllMimeTypes())}.");
        }
        else if (MediaFormats.For(type) is null)
        {
            errors.Add(paths.Type, "enum", $"The media type must be one of: {string.Join(", ", MediaFormats.Types)}.");
            type = null;
        }

        var format = type is null ? null : MediaFormats.For(type, file.Animated == true);
        if (format is not null && mimeType is not null)
        {
            if (!format.MimeTypes.ContainsKey(mimeType))
                errors.Add(paths.MimeType, "enum", $"A {type} must be one of: {string.Join(", ", format.MimeTypes.Keys)} (not {mimeType}).");
            else if (mimeType == "audio/ogg" && Codecs(file.MimeType!) is { } codecs && !codecs.Equals("opus", StringComparison.OrdinalIgnoreCase))
                errors.Add(paths.MimeType, "codec", $"OGG audio must use the OPUS codec (not {codecs}).");
        }

        CheckSize(file.Size, format, paths.Size, errors);
        CheckFileName(file.FileName, format, mimeType, paths.FileName, errors);
        return type;
    }

    private static void CheckSize(long? size, MediaFormat? format, string path, ValidationErrors errors)
    {
        if (size is null)
        {
            errors.Add(path, "required", "The size in bytes is required.");
            return;
        }
        if (size < 0) errors.Add(path, "range", "The size cannot be negative.");
        else if (size == 0) errors.Add(path, "minSize", "The file is empty.");
        else if (format is not null && size > format.MaxBytes)
            errors.Add(path, MaxSizeRule, $"A {Describe(format)} may have at most {format.MaxBytes} bytes ({Human(format.MaxBytes)}); this one has {size}.");
    }

    private static void CheckFileName(string? fileName, MediaFormat? format, string? mimeType, string path, ValidationErrors errors)
    {
        if (fileName is null) return;
        if (fileName.Trim().Length == 0) errors.Add(path, "required", "The file name must not be blank.");
        else if (fileName.Length > MaxFileNameLength) errors.Add(path, "maxLength", $"The file name may have at most {MaxFileNameLength} characters.");
        else if (fileName.Any(char.IsControl) || fileName.IndexOfAny(['/', '\\']) >= 0)
            errors.Add(path, "pattern", "The file name must not contain path separators or control characters.");
        else if (format is not null && mimeType is not null && format.MimeTypes.TryGetValue(mimeType, out var extensions) &&
                 Path.GetExtension(fileName) is { Length: > 0 } extension && !extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
            // WhatsApp's most common upload failure (131053) is a file whose content does not match its declared type.
            errors.Add(path, "extension", $"The extension '{extension}' does not fit {mimeType} (expected {string.Join(" or ", extensions)}).");
    }

    private static string? Codecs(string mimeType)
    {
        foreach (var parameter in mimeType.Split(';').Skip(1))
        {
            var pair = parameter.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length == 2 && pair[0].Equals("codecs", StringComparison.OrdinalIgnoreCase)) return pair[1].Trim('"');
        }
        return null;
    }

    private static string Describe(MediaFormat format) => format.Variant is null ? format.Type : $"{format.Variant} {format.Type}";

    private static string Human(long bytes) => bytes >= MediaFormats.MiB ? $"{bytes / MediaFormats.MiB} MB" : $"{bytes / MediaFormats.KiB} KB";

    private static IEnumerable<string> AllMimeTypes() => MediaFormats.All.SelectMany(f => f.MimeTypes.Keys).Distinct();
}
