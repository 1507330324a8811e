using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Tandem.Sidecars.Proxy.Forwarding;

/// <summary>
/// After the app answered 101 Switching Protocols (WebSocket), the proxy becomes a byte pipe:
/// both directions are copied until either side closes, then both are closed.
/// </summary>
internal static class UpgradeTunnel
{
    public static async Task RunAsync(HttpContext context, HttpResponseMessage upstream, CancellationToken cancellationToken)
    {
        var upgrade = context.Features.GetRequiredFeature<IHttpUpgradeFeature>();
        ResponseCopier.CopyHead(upstream, context.Response);
        // Upgrade is hop-by-hop for ordinary messages but is the whole point of this one.
        if (upstream.Headers.NonValidated.TryGetValues("Upgrade", out var protocol))
        {
            context.Response.Headers.Upgrade = protocol.ToString();
        }
        await using var appStream = await upstream.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var clientStream = await upgrade.UpgradeAsync().ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var up = PumpAsync(clientStream, appStream, stop.Token);
        var down = PumpAsync(appStream, clientStream, stop.Token);
        await Task.WhenAny(up, down).ConfigureAwait(false);
        // One side closed: end the other direction too, as a TCP proxy would.
        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(up, down).ConfigureAwait(false);
    }

    private static async Task PumpAsync(Stream from, Stream to, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }
                await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                await to.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // A closed or reset side ends the tunnel; there is no one left to report it to.
        }
    }
}
