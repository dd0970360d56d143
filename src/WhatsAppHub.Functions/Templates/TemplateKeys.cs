using WhatsAppHub.Core.Storage;

namespace WhatsAppHub.Functions.Templates;

/// <summary>
/// TEMPLATE_DEFINITION keys: <c>TEMPLATE|{waba}</c> / <c>{name}|{language}</c>. One partition per WABA keeps a listing one
/// query (a WABA holds at most 6,000 templates); the RowKey sorts a name's languages together, so "every language of a
/// name" is a RowKey range.
/// </summary>
public static class TemplateKeys
{
    public static string Partition(string wabaId) => StorageKey.Compose("TEMPLATE", wabaId);

    public static string Row(string name, string language) => StorageKey.Escape(name) + StorageKey.Separator + StorageKey.Escape(language);

    /// <summary>The RowKey prefix shared by every language of <paramref name="name"/>.</summary>
    public static string NamePrefix(string name) => StorageKey.Escape(name) + StorageKey.Separator;
}
