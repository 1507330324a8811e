using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Tandem.Runtime.Networking;

/// <summary>
/// Sockets inside a pod's network namespace, from this process. A socket belongs to the network
/// namespace its creating thread was in, so a short-lived thread enters the namespace with
/// <c>setns(2)</c>, creates the socket and ends; the socket is then used from anywhere, and the
/// process itself never leaves the host's namespace. This is how probes, hooks, port-forward and
/// hostPorts reach a pod whose only interface is its own loopback.
/// </summary>
public static partial class NetworkNamespaceSockets
{
    private const int CloneNewNet = 0x40000000;

    /// <summary>A new TCP socket in the namespace at <paramref name="namespacePath"/>; null means the host's.</summary>
    public static Socket CreateTcp(string? namespacePath, AddressFamily family = AddressFamily.InterNetwork)
    {
        if (namespacePath is null)
        {
            return new Socket(family, SocketType.Stream, ProtocolType.Tcp);
        }
        Socket? socket = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var handle = File.OpenHandle(namespacePath);
                if (SetNs((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
                {
                    throw new IOException($"cannot enter the network namespace {namespacePath}: {Marshal.GetLastPInvokeErrorMessage()}");
                }
                socket = new Socket(family, SocketType.Stream, ProtocolType.Tcp);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SocketException)
            {
                failure = ex;
            }
        })
        {
            IsBackground = true,
            Name = "tandem-netns",
        };
        thread.Start();
        thread.Join();
        return socket ?? throw new IOException(failure?.Message ?? $"cannot create a socket in {namespacePath}", failure);
    }

    /// <summary>Connects to <paramref name="endpoint"/> from inside the namespace.</summary>
    public static async Task<Socket> ConnectAsync(string? namespacePath, IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        var socket = CreateTcp(namespacePath, endpoint.AddressFamily);
        try
        {
            socket.NoDelay = true;
            await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNs(int fd, int namespaceType);
}
