using Tandem.Sidecars.LogShipper.Configuration;
using Tandem.Sidecars.LogShipper.Events;

namespace Tandem.Sidecars.LogShipper.Outputs;

/// <summary>Appends NDJSON to a file; a batch counts as delivered once it is fsync'd.</summary>
public sealed class FileOutput(string name, OutputConfig config, EventJson json) : ILogOutput
{
    private readonly NdjsonWriter _writer = new(json);
    private readonly Lock _gate = new();
    private FileStream? _file;

    public string Name => name;

    public Task<OutputResult> SendAsync(IReadOnlyList<LogEvent> events, CancellationToken cancellationToken)
    {
        // One file, written by one batch at a time even when several are in flight.
        lock (_gate)
        {
            return Task.FromResult(Append(events));
        }
    }

    public ValueTask DisposeAsync() => _file?.DisposeAsync() ?? ValueTask.CompletedTask;

    private OutputResult Append(IReadOnlyList<LogEvent> events)
    {
        try
        {
            _file ??= new FileStream(config.Path!, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 1 << 16);
            _file.Write(_writer.Encode(events).Span);
            _file.Flush(flushToDisk: true);
            return OutputResult.Delivered;
        }
        catch (IOException ex)
        {
            // A full disk or a removed directory may recover; reopen on the next attempt.
            _file?.Dispose();
            _file = null;
            return OutputResult.Retry($"{config.Path}: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            return OutputResult.Retry($"{config.Path}: {ex.Message}");
        }
    }
}
