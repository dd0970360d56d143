using System.Runtime.InteropServices;

namespace WhatsAppHub.Benchmarks;

/// <summary>What the figures ran on, printed with them.</summary>
public static class Machine
{
    public static string Description =>
        $"{Environment.ProcessorCount} cores ({CpuModel()}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";

    /// <summary>What else the machine was doing when a run began.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }

    /// <summary>
    /// The heading every benchmark prints above its figures: which benchmark, when and on what, what it ran, and the
    /// Markdown table header of its <paramref name="columns"/> (ready to paste into the README).
    /// </summary>
    public static void PrintHeading(string benchmark, string what, params string[] columns)
    {
        Console.WriteLine();
        Console.WriteLine($"WhatsAppHub {benchmark}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Description}");
        Console.WriteLine(what);
        Console.WriteLine();
        Console.WriteLine($"| {string.Join(" | ", columns)} |");
        Console.WriteLine($"|{string.Concat(Enumerable.Repeat("---|", columns.Length))}");
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
