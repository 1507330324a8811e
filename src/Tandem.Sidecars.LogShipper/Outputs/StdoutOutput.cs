using Tandem.Sidecars.LogShipper.Events;

namespace Tandem.Sidecars.LogShipper.Outputs;

/// <summary>Writes NDJSON to standard output (the container log, for debugging a pipeline).</summary>
public sealed class StdoutOutput(string name, EventJson json, Stream? stdout = null) : ILogOutput
{
    private readonly Stream _stdout = stdout ?? Console.OpenStandardOutput();
    private readonly NdjsonWriter _writer = new(json);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string Name => name;

    public async Task<OutputResult> SendAsync(IReadOnlyList<LogEvent> events, CancellationToken cancellationToken)
    {
        // One stream: batches in flight take turns, so their lines never interleave.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stdout.WriteAsync(_writer.Encode(events), cancellationToken).ConfigureAwait(false);
            await _stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
            return OutputResult.Delivered;
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }
}
