using System.Net.Sockets;
using Tandem.Model.CoreV1;

namespace Tandem.Node.Handlers;

/// <summary>
/// An httpGet probe or hook (pkg/probe/http): a GET with the kubelet's headers; a probe succeeds
/// on 200–399, a hook on 200–299. Redirects are not followed: a 3xx already counts as success.
/// </summary>
internal static class HttpGetHandler
{
    public const string UserAgent = "kube-probe/1.33";

    public static async Task<HandlerOutcome> RunAsync(HttpGetAction action, HandlerTarget target, TimeSpan? timeout, bool isHook, CancellationToken cancellationToken)
    {
        if (target.ResolvePort(action.Port) is not { } port)
        {
            return HandlerOutcome.Error($"unable to find port {action.Port} in the container's ports");
        }
        var host = string.IsNullOrEmpty(action.Host) ? target.PodIp : action.Host;
        var scheme = (action.Scheme ?? "HTTP").ToLowerInvariant();
        var path = string.IsNullOrEmpty(action.Path) ? "/" : action.Path.StartsWith('/') ? action.Path : "/" + action.Path;
        var hostPart = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
        var request = new HttpRequestMessage(HttpMethod.Get, $"{scheme}://{hostPart}:{port}{path}");
        request.Options.Set(PodHttpClient.NamespaceKey, target.NetworkNamespacePath);
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", "*/*");
        request.Headers.ConnectionClose = true;
        foreach (var header in action.HttpHeaders ?? [])
        {
            if (string.Equals(header.Name, "Host", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Host = header.Value;
            }
            else if (header.Name is not null)
            {
                request.Headers.Remove(header.Name);
                request.Headers.TryAddWithoutValidation(header.Name, header.Value ?? "");
            }
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } limit)
        {
            deadline.CancelAfter(limit);
        }
        try
        {
            using var response = await PodHttpClient.Shared.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            var body = await ReadCappedAsync(response, deadline.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            var ok = isHook ? code is >= 200 and < 300 : code is >= 200 and < 400;
            return ok ? HandlerOutcome.Success(body) : HandlerOutcome.Failure($"HTTP probe failed with statuscode: {code}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HandlerOutcome.Failure($"Get \"{request.RequestUri}\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)");
        }
        catch (HttpRequestException ex)
        {
            var reason = ex.InnerException is SocketException socket ? $"dial tcp {hostPart}:{port}: connect: {socket.Message.ToLowerInvariant()}" : ex.Message;
            return HandlerOutcome.Failure($"Get \"{request.RequestUri}\": {reason}");
        }
        catch (IOException ex)
        {
            return HandlerOutcome.Error(ex.Message);
        }
    }

    private static async Task<string> ReadCappedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[HandlerOutcome.MaxOutputBytes];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }
        return System.Text.Encoding.UTF8.GetString(buffer, 0, total);
    }
}
