using Tandem.Server.Spdy;

namespace Tandem.Server.Tests.Spdy;

/// <summary>The client end of a test connection: writes frames as spdystream would and reads the server's.</summary>
internal sealed class SpdyTestClient(Stream connection) : IDisposable
{
    private readonly SpdyFrameWriter _writer = new();
    private readonly SpdyFrameReader _reader = new(connection);

    public async Task SendAsync(SpdyFrame frame)
    {
        await connection.WriteAsync(_writer.Serialize(frame));
        await connection.FlushAsync();
    }

    public Task OpenAsync(uint id, params (string Name, string Value)[] headers) =>
        SendAsync(new SpdyFrame.SynStream(id, 0, 0, false, new SpdyHeaders([.. headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value))])));

    public async Task<SpdyFrame> ReadAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _reader.ReadAsync(limit.Token) ?? throw new EndOfStreamException("the server hung up");
    }

    /// <summary>Reads until <paramref name="stream"/> has sent FIN; returns its DATA bytes.</summary>
    public async Task<byte[]> ReadToFinAsync(uint stream)
    {
        var bytes = new MemoryStream();
        while (true)
        {
            if (await ReadAsync() is SpdyFrame.Data data && data.StreamId == stream)
            {
                bytes.Write(data.Payload.Span);
                if (data.Fin)
                {
                    return bytes.ToArray();
                }
            }
        }
    }

    public void Dispose() => _reader.Dispose();
}
