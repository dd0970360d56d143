namespace WhatsAppHub.Aws.Tests.Infrastructure;

/// <summary>Finds files relative to the repository root (the folder holding WhatsAppHub.sln).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>The Smithy model the client is checked against: <c>{root}/../shared/reference/aws/socialmessaging.smithy.json</c>.</summary>
    public static string SmithyModelPath =>
        Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference", "aws", "socialmessaging.smithy.json"));

    private static string FindRoot()
    {
        var searched = new List<string>();
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            searched.Add(dir.FullName);
            if (File.Exists(Path.Combine(dir.FullName, "WhatsAppHub.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException(
            "Could not find WhatsAppHub.sln in any parent of the test output folder. Looked in: " + string.Join(", ", searched));
    }
}
