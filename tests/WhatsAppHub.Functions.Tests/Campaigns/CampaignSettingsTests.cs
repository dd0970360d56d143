using Microsoft.Extensions.Configuration;
using WhatsAppHub.Functions.Configuration;

namespace WhatsAppHub.Functions.Tests.Campaigns;

/// <summary>A campaign's default rate is read with the other settings and may not outrun the numbers' own rate.</summary>
public class CampaignSettingsTests
{
    private static HubOptions Read(params (string Key, string? Value)[] changes)
    {
        var values = HubSetting.All.Where(s => s.LocalDefault is not null).ToDictionary(s => s.Key, s => s.LocalDefault);
        foreach (var (key, value) in changes) values[key] = value;
        return HubSettingsReader.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }

    [Fact]
    public void The_default_rate_and_the_pump_switch_are_read()
    {
        Assert.Equal(new CampaignSettings(RunPumps: true, RatePerSecond: 20), Read().Campaigns);
        Assert.Equal(new CampaignSettings(RunPumps: false, RatePerSecond: 50), Read(("Campaigns:RunPumps", "false"), ("Campaigns:RatePerSecond", "50")).Campaigns);
        // Left out, it follows a number rate below 20.
        Assert.Equal(10, Read(("Campaigns:RatePerSecond", null), ("Outbound:RatePerSecond", "10")).Campaigns.RatePerSecond);
    }

    [Theory]
    [InlineData("Campaigns:RatePerSecond", "0", "Campaigns__RatePerSecond")]
    [InlineData("Campaigns:RatePerSecond", "81", "must not exceed Outbound__RatePerSecond (80)")]
    [InlineData("Campaigns:RunPumps", "sometimes", "Campaigns__RunPumps")]
    public void A_bad_setting_is_named(string key, string value, string expected)
    {
        var e = Assert.Throws<HubConfigurationException>(() => Read((key, value)));
        Assert.Contains(expected, e.Message);
    }
}
