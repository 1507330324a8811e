using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;

namespace Tandem.Node.Handlers;

/// <summary>
/// A grpc probe: one call of the standard health checking protocol
/// (<c>grpc.health.v1.Health/Check</c>) over cleartext HTTP/2; SERVING is success
/// (pkg/probe/grpc). The two tiny protobuf messages are encoded by hand: one string field out,
/// one enum field back.
/// </summary>
internal static class GrpcHealthHandler
{
    private static readonly string[] StatusNames = ["UNKNOWN", "SERVING", "NOT_SERVING", "SERVICE_UNKNOWN"];

    public static async Task<HandlerOutcome> RunAsync(int port, string? service, HandlerTarget target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"http://{target.PodIp}:{port}/grpc.health.v1.Health/Check")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(Frame(service ?? "")),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.TryAddWithoutValidation("User-Agent", HttpGetHandler.UserAgent);
        request.Options.Set(PodHttpClient.NamespaceKey, target.NetworkNamespacePath);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await PodHttpClient.Shared.SendAsync(request, deadline.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
            var grpcStatus = Header(response.TrailingHeaders, "grpc-status") ?? Header(response.Headers, "grpc-status");
            if (grpcStatus is not null && grpcStatus != "0")
            {
                var message = Header(response.TrailingHeaders, "grpc-message") ?? Header(response.Headers, "grpc-message") ?? "";
                return HandlerOutcome.Failure($"rpc error: code = {grpcStatus} desc = {Uri.UnescapeDataString(message)}");
            }
            var status = ReadStatus(body);
            return status == 1
                ? HandlerOutcome.Success()
                : HandlerOutcome.Failure($"service unhealthy (responded with \"{(status >= 0 && status < StatusNames.Length ? StatusNames[status] : status.ToString(System.Globalization.CultureInfo.InvariantCulture))}\")");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HandlerOutcome.Failure($"timeout: health rpc did not complete within {timeout.TotalSeconds:0}s");
        }
        catch (HttpRequestException ex)
        {
            return HandlerOutcome.Failure($"timeout: failed to connect service \"{target.PodIp}:{port}\" within {timeout.TotalSeconds:0}s: {ex.Message}");
        }
    }

    /// <summary>The gRPC message frame: no compression, a big-endian length, the HealthCheckRequest.</summary>
    private static byte[] Frame(string service)
    {
        var name = System.Text.Encoding.UTF8.GetBytes(service);
        byte[] message = name.Length == 0 ? [] : [0x0A, .. VarInt(name.Length), .. name];
        var frame = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
        message.CopyTo(frame, 5);
        return frame;
    }

    private static byte[] VarInt(int value)
    {
        var bytes = new List<byte>();
        var remaining = (uint)value;
        do
        {
            var low = (byte)(remaining & 0x7F);
            remaining >>= 7;
            bytes.Add(remaining == 0 ? low : (byte)(low | 0x80));
        }
        while (remaining != 0);
        return [.. bytes];
    }

    /// <summary>Field 1 (status) of HealthCheckResponse; an absent field is 0 (UNKNOWN).</summary>
    private static int ReadStatus(byte[] frame)
    {
        if (frame.Length < 5)
        {
            return 0;
        }
        var message = frame.AsSpan(5);
        for (var i = 0; i + 1 < message.Length; i += 2)
        {
            if (message[i] == 0x08)
            {
                return message[i + 1];
            }
        }
        return 0;
    }

    private static string? Header(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
