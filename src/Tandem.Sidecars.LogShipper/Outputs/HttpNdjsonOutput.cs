using Tandem.Sidecars.LogShipper.Configuration;
using Tandem.Sidecars.LogShipper.Events;

namespace Tandem.Sidecars.LogShipper.Outputs;

/// <summary>POSTs each batch as NDJSON (<c>application/x-ndjson</c>), one JSON object per event.</summary>
public sealed class HttpNdjsonOutput(string name, OutputConfig config, EventJson json) : ILogOutput
{
    private readonly HttpPoster _poster = new(config);
    private readonly Lock _encoding = new();
    private readonly NdjsonWriter _writer = new(json);
    private readonly Uri _url = new(config.Url!);

    public string Name => name;

    public async Task<OutputResult> SendAsync(IReadOnlyList<LogEvent> events, CancellationToken cancellationToken)
    {
        using var request = EncodeShared(events);
        var (result, _) = await _poster.PostAsync(_url, request.Memory, "application/x-ndjson", false, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private EncodedBody EncodeShared(IReadOnlyList<LogEvent> events)
    {
        lock (_encoding)
        {
            return new EncodedBody(_writer.Encode(events).Span);
        }
    }

    public ValueTask DisposeAsync()
    {
        _poster.Dispose();
        return ValueTask.CompletedTask;
    }
}
