namespace WhatsAppHub.Testing;

/// <summary>Where the repository and its installed emulators are, found from the test binaries upwards.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The nearest parent directory holding <c>WhatsAppHub.sln</c>.</summary>
    public static string Root => RootPath.Value;

    /// <summary><c>{Root}/emulators/node_modules/.bin</c>: the npm-installed emulator launchers.</summary>
    public static string Emulators => Path.Combine(Root, "emulators", "node_modules", ".bin");

    /// <summary>What to do when an emulator is missing.</summary>
    public const string InstallHint = "run `npm ci --prefix emulators` (test.sh does this)";

    /// <summary>The path of an emulator launcher, or a clear failure if the emulators are not installed.</summary>
    public static string Emulator(string name)
    {
        string path = Path.Combine(Emulators, name);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The emulator '{name}' is not installed at {path}: {InstallHint}.");
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WhatsAppHub.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No WhatsAppHub.sln above {AppContext.BaseDirectory}.");
    }
}
