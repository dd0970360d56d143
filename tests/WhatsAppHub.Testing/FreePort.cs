using System.Net;
using System.Net.Sockets;

namespace WhatsAppHub.Testing;

/// <summary>Free TCP ports on 127.0.0.1 for emulators started by tests.</summary>
public static class FreePort
{
    /// <summary>
    /// Asks the OS for a free port by binding 127.0.0.1:0. The port is released before the caller
    /// binds it, so another process could take it in between; emulator fixtures retry on that.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary><paramref name="count"/> distinct free ports.</summary>
    public static int[] Next(int count)
    {
        var ports = new HashSet<int>();
        while (ports.Count < count)
        {
            ports.Add(Next());
        }

        return [.. ports];
    }
}
