using WhatsAppHub.Functions;
using WhatsAppHub.Functions.Configuration;

try
{
    await HubApp.Build(args).RunAsync();
    return 0;
}
catch (HubConfigurationException e)
{
    // A settings problem is the operator's to fix: say which settings, without a stack trace.
    await Console.Error.WriteLineAsync(e.Message);
    return 78; // EX_CONFIG
}
