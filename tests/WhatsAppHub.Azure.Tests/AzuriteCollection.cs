using WhatsAppHub.Testing;

namespace WhatsAppHub.Azure.Tests;

/// <summary>One Azurite for every integration test of this assembly.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteProcess>
{
    public const string Name = "Azurite";
}
