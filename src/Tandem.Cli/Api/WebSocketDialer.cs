using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace Tandem.Cli.Api;

/// <summary>
/// Opens a WebSocket to the API server by writing the HTTP/1.1 upgrade itself. <see cref="ClientWebSocket"/> cannot be
/// used: it refuses the subprotocol <c>SPDY/3.1+portforward.k8s.io</c> (a '/' is not a token character, yet that is
/// what kubectl and the API server use), and it throws away the body of a refused upgrade, which is the Status that
/// says why (pod not found, container not valid).
/// </summary>
internal static class WebSocketDialer
{
    private const int MaxResponseHeaderBytes = 64 * 1024;

    public static async Task<WebSocket> ConnectAsync(Uri server, string pathAndQuery, string subProtocol, string? authorization, SslClientAuthenticationOptions tls, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        Stream stream;
        try
        {
            await tcp.ConnectAsync(server.Host, server.Port, cancellationToken);
            stream = tcp.GetStream();
            if (server.Scheme == "https")
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                var options = CopyOf(tls, server.Host);
                await ssl.AuthenticateAsClientAsync(options, cancellationToken);
                stream = ssl;
            }
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
        try
        {
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            var request = new StringBuilder()
                .Append($"GET {pathAndQuery} HTTP/1.1\r\n")
                .Append($"Host: {server.Authority}\r\n")
                .Append("Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n")
                .Append($"Sec-WebSocket-Key: {key}\r\n")
                .Append($"Sec-WebSocket-Protocol: {subProtocol}\r\n")
                .Append($"User-Agent: tandem/{typeof(WebSocketDialer).Assembly.GetName().Version?.ToString(3)}\r\n");
            if (authorization is not null)
            {
                request.Append($"Authorization: {authorization}\r\n");
            }
            request.Append("\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()), cancellationToken);
            var (code, headers) = await ReadHeadAsync(stream, cancellationToken);
            if (code != 101)
            {
                var body = await ReadBodyAsync(stream, headers, cancellationToken);
                throw new ApiException(KubeClient.Decode(code, body));
            }
            if (!headers.TryGetValue("sec-websocket-protocol", out var chosen) || !string.Equals(chosen, subProtocol, StringComparison.OrdinalIgnoreCase))
            {
                throw new IOException($"the server did not agree to {subProtocol} (it answered \"{chosen}\")");
            }
            // The subprotocol was checked above; WebSocket's own check would refuse the port-forward one again.
            return WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = TimeSpan.FromSeconds(5) });
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    private static SslClientAuthenticationOptions CopyOf(SslClientAuthenticationOptions tls, string host) => new()
    {
        TargetHost = tls.TargetHost ?? host,
        ClientCertificates = tls.ClientCertificates,
        RemoteCertificateValidationCallback = tls.RemoteCertificateValidationCallback,
        ApplicationProtocols = [SslApplicationProtocol.Http11],
    };

    private static async Task<(int Code, Dictionary<string, string> Headers)> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        // Byte by byte: nothing after the blank line may be consumed, it already belongs to the WebSocket.
        var head = new List<byte>(512);
        var one = new byte[1];
        while (head.Count < 4 || !(head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0 || head.Count > MaxResponseHeaderBytes)
            {
                throw new IOException("the server closed the connection during the upgrade");
            }
            head.Add(one[0]);
        }
        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var status = lines[0].Split(' ', 3);
        if (status.Length < 2 || !int.TryParse(status[1], System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            throw new IOException($"unexpected answer to the upgrade: {lines[0]}");
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }
        return (code, headers);
    }

    private static async Task<string> ReadBodyAsync(Stream stream, Dictionary<string, string> headers, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        if (headers.TryGetValue("content-length", out var lengthText) && int.TryParse(lengthText, System.Globalization.CultureInfo.InvariantCulture, out var length))
        {
            var buffer = new byte[Math.Min(length, 1 << 20)];
            await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            return Encoding.UTF8.GetString(buffer);
        }
        if (headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            return await ReadChunkedAsync(stream, cancellationToken);
        }
        return "";
    }

    private static async Task<string> ReadChunkedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var sizeLine = await ReadLineAsync(stream, cancellationToken);
            var size = Convert.ToInt32(sizeLine.Split(';')[0].Trim(), 16);
            if (size == 0 || body.Length > (1 << 20))
            {
                return Encoding.UTF8.GetString(body.ToArray());
            }
            var chunk = new byte[size];
            await stream.ReadExactlyAsync(chunk, cancellationToken);
            body.Write(chunk);
            await ReadLineAsync(stream, cancellationToken);
        }
    }

    private static async Task<string> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one, cancellationToken) > 0)
        {
            if (one[0] == '\n')
            {
                break;
            }
            if (one[0] != '\r')
            {
                line.Add(one[0]);
            }
        }
        return Encoding.ASCII.GetString(line.ToArray());
    }
}
