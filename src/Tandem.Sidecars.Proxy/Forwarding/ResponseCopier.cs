using System.Buffers;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Tandem.Sidecars.Proxy.Forwarding;

/// <summary>Copies the app's response to the client: status, end-to-end headers, the body as it streams, trailers.</summary>
internal static class ResponseCopier
{
    private const int BufferSize = 16 * 1024;

    public static void CopyHead(HttpResponseMessage upstream, HttpResponse response)
    {
        response.StatusCode = (int)upstream.StatusCode;
        var connection = upstream.Headers.NonValidated.TryGetValues("Connection", out var c) ? new StringValues([.. c]) : StringValues.Empty;
        foreach (var (name, values) in upstream.Headers.NonValidated)
        {
            CopyHeader(response.Headers, name, values, connection);
        }
        foreach (var (name, values) in upstream.Content.Headers.NonValidated)
        {
            CopyHeader(response.Headers, name, values, connection);
        }
    }

    public static async Task CopyBodyAsync(Stream source, HttpResponse response, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                var read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }
                // Kestrel sends each write at once, so server-sent events and gRPC streams flow through.
                await response.Body.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static void CopyTrailers(HttpResponseMessage upstream, HttpResponse response)
    {
        if (!response.SupportsTrailers())
        {
            return;
        }
        foreach (var (name, values) in upstream.TrailingHeaders.NonValidated)
        {
            response.AppendTrailer(name, ToStringValues(values));
        }
    }

    private static void CopyHeader(IHeaderDictionary headers, string name, HeaderStringValues values, StringValues connection)
    {
        if (HopByHopHeaders.Contains(name) || HopByHopHeaders.IsNamedByConnection(name, connection))
        {
            return;
        }
        headers.Append(name, ToStringValues(values));
    }

    private static StringValues ToStringValues(HeaderStringValues values) =>
        values.Count == 1 ? new StringValues(values.ToString()) : new StringValues([.. values]);
}
