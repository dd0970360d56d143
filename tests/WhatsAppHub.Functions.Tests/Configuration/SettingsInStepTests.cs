using System.Text.Json;
using System.Text.RegularExpressions;
using WhatsAppHub.Functions.Configuration;
using WhatsAppHub.Testing;

namespace WhatsAppHub.Functions.Tests.Configuration;

/// <summary>
/// <see cref="HubSetting.All"/> is the one list of settings; the sample settings file, the README's table and the
/// Bicep app settings must say the same, or a deployment would miss a setting the hub needs.
/// </summary>
public class SettingsInStepTests
{
    private static readonly HashSet<string> HostOnlySettings =
        ["FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "ASPNETCORE_ENVIRONMENT", "AzureWebJobsStorage__accountName"];

    private static IEnumerable<string> HubNames => HubSetting.All.Select(s => s.EnvironmentName);

    [Fact]
    public void Sample_local_settings_list_exactly_the_hub_settings_with_their_local_defaults()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "local.settings.sample.json")));
        var values = sample.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());

        Assert.Equal(HubNames.Order(), values.Keys.Where(k => !HostOnlySettings.Contains(k)).Order());
        foreach (var setting in HubSetting.All)
            Assert.Equal(setting.LocalDefault ?? string.Empty, values[setting.EnvironmentName]);
    }

    [Fact]
    public void Readme_configuration_table_has_every_setting()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        Assert.All(HubNames, name => Assert.Contains($"| `{name}` |", readme));
    }

    [Fact]
    public void Bicep_app_settings_are_hub_or_host_settings_and_cover_every_hub_setting()
    {
        var bicep = File.ReadAllText(Path.Combine(RepoPaths.Root, "infra-bicep", "main.bicep"));
        var names = Regex.Matches(bicep, @"\{\s*name:\s*'([^']+)',\s*value:").Select(m => m.Groups[1].Value).ToList();

        var unknown = names.Where(n => !HostOnlySettings.Contains(n) && !HubNames.Contains(n)).ToList();
        Assert.True(unknown.Count == 0, "Bicep sets settings the hub does not read: " + string.Join(", ", unknown));
        // The connection string is the local form; on Azure the identity-based settings replace it.
        var missing = HubNames.Where(n => n != "AzureWebJobsStorage" && !names.Contains(n)).ToList();
        Assert.True(missing.Count == 0, "Bicep misses hub settings: " + string.Join(", ", missing));
    }
}
