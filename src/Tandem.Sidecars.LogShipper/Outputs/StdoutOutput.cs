using Tandem.Sidecars.LogShipper.Events;

namespace Tandem.Sidecars.LogShipper.Outputs;

/// <summary>Writes NDJSON to standard output (the container log, for debugging a pipeline).</summary>
public sealed class StdoutOutput(string name, EventJson json, Stream? stdout = null) : ILogOutput
{
    private readonly Stream _stdout = stdout ?? Console.OpenStandardOutput();
    private readonly NdjsonWriter _writer = new(json);

    public string Name => name;

    public async Task<OutputResult> SendAsync(IReadOnlyList<LogEvent> events, CancellationToken cancellationToken)
    {
        await _stdout.WriteAsync(_writer.Encode(events), cancellationToken).ConfigureAwait(false);
        await _stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        return OutputResult.Delivered;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
