using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Tandem.Sidecars.LogShipper.Configuration;

namespace Tandem.Sidecars.LogShipper.Outputs;

/// <summary>
/// One HTTP POST with the output's headers, optional gzip and per-attempt timeout, classified once
/// for every HTTP output: 2xx delivered; 408, 429 and 5xx (and connection failures and timeouts)
/// retried; any other status rejected, because sending the same request again cannot succeed.
/// </summary>
public sealed class HttpPoster : IDisposable
{
    private readonly HttpClient _client;
    private readonly OutputConfig _config;

    public HttpPoster(OutputConfig config)
    {
        _config = config;
        _client = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Sends the body; returns the classification and, when delivered, the response body for outputs that must read it.</summary>
    public async Task<(OutputResult Result, string? Body)> PostAsync(Uri url, ReadOnlyMemory<byte> body, string contentType, bool readBody, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (_config.Compression == Compression.Gzip)
        {
            // Per request, because several batches may be in flight at once.
            var compressed = new MemoryStream(body.Length / 4);
            using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(body.Span);
            }
            request.Content = new ReadOnlyMemoryContent(compressed.GetBuffer().AsMemory(0, (int)compressed.Length));
            request.Content.Headers.ContentEncoding.Add("gzip");
        }
        else
        {
            request.Content = new ReadOnlyMemoryContent(body);
        }
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in _config.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_config.Timeout);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                return (OutputResult.Delivered, readBody ? await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false) : null);
            }
            var reason = $"{url} answered {status} {response.ReasonPhrase}";
            return (status is 408 or 429 or >= 500 ? OutputResult.Retry(reason) : OutputResult.Rejected(reason), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (OutputResult.Retry($"{url} did not answer within {_config.Timeout.TotalSeconds:0.###} s"), null);
        }
        catch (HttpRequestException ex)
        {
            return (OutputResult.Retry($"{url}: {ex.Message}"), null);
        }
    }

    public void Dispose() => _client.Dispose();
}
