using WhatsAppHub.Functions.Configuration;

namespace WhatsAppHub.Functions.Tests;

public class StartupTests
{
    [Fact]
    public void Outside_development_the_hub_refuses_to_start_and_names_the_missing_settings()
    {
        var e = Assert.Throws<HubConfigurationException>(() =>
            HubApp.Build(["--environment", "Production", "--Hub:ApiKey=long-enough-key", "--Eum:Region=us-east-1"]));

        Assert.Contains("AzureWebJobsStorage is missing", e.Message);
        Assert.Contains("Eum__DefaultPhoneNumberId is missing", e.Message);
        Assert.DoesNotContain("Hub__ApiKey", e.Message);
    }

    [Fact]
    public void In_development_the_embedded_local_defaults_are_enough()
    {
        using var app = (IDisposable)HubApp.Build(["--environment", "Development", "--urls", "http://127.0.0.1:0"]);
    }
}
