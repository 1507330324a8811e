using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tandem.Sidecars.Proxy.Tests.Support;

/// <summary>Sends hand-written bytes on a fresh TCP connection, for requests no well-behaved client would send.</summary>
public static class RawHttp
{
    /// <returns>The status code of the first response line, or 0 if the connection closed without one.</returns>
    public static async Task<int> SendAsync(int port, byte[] request)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, port);
        await socket.SendAsync(request);
        var buffer = new byte[4096];
        var received = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!received.ToString().Contains("\r\n", StringComparison.Ordinal))
        {
            int read;
            try
            {
                read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            }
            catch (SocketException)
            {
                return 0;
            }
            if (read == 0)
            {
                return 0;
            }
            received.Append(Encoding.Latin1.GetString(buffer, 0, read));
        }
        var statusLine = received.ToString()[..received.ToString().IndexOf("\r\n", StringComparison.Ordinal)];
        return int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Task<int> SendAsync(int port, string request) => SendAsync(port, Encoding.Latin1.GetBytes(request));
}
