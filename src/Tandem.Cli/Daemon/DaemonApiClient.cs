using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Tandem.Cli.Daemon;

/// <summary>
/// The few API calls the daemon verbs make (<c>up</c> waits for <c>/version</c>, <c>status</c> counts pods), over TLS
/// that trusts only the daemon's own CA, with its token.
/// </summary>
public sealed class DaemonApiClient : IDisposable
{
    private readonly HttpClient _http;

    public DaemonApiClient(Uri address, string caPem, string token)
    {
        var authority = X509Certificate2.CreateFromPem(caPem);
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            if (certificate is null)
            {
                return false;
            }
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(authority);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(new X509Certificate2(certificate));
        };
        _http = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Whether the API answers an authenticated <c>/version</c> with 200.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri("/version", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Every pod's phase, counted (<c>GET /api/v1/pods</c>).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountPodsByPhaseAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri("/api/v1/pods", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in document.RootElement.GetProperty("items").EnumerateArray())
        {
            var phase = item.TryGetProperty("status", out var status) && status.TryGetProperty("phase", out var p) ? p.GetString() ?? "Unknown" : "Unknown";
            counts[phase] = counts.GetValueOrDefault(phase) + 1;
        }
        return counts;
    }

    public void Dispose() => _http.Dispose();
}
