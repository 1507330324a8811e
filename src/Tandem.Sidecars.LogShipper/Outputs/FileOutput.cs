using Tandem.Sidecars.LogShipper.Configuration;
using Tandem.Sidecars.LogShipper.Events;

namespace Tandem.Sidecars.LogShipper.Outputs;

/// <summary>Appends NDJSON to a file; a batch counts as delivered once it is fsync'd.</summary>
public sealed class FileOutput(string name, OutputConfig config, EventJson json) : ILogOutput
{
    private readonly NdjsonWriter _writer = new(json);
    private FileStream? _file;

    public string Name => name;

    public Task<OutputResult> SendAsync(IReadOnlyList<LogEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            _file ??= new FileStream(config.Path!, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 1 << 16);
            _file.Write(_writer.Encode(events).Span);
            _file.Flush(flushToDisk: true);
            return Task.FromResult(OutputResult.Delivered);
        }
        catch (IOException ex)
        {
            // A full disk or a removed directory may recover; reopen on the next attempt.
            _file?.Dispose();
            _file = null;
            return Task.FromResult(OutputResult.Retry($"{config.Path}: {ex.Message}"));
        }
        catch (UnauthorizedAccessException ex)
        {
            return Task.FromResult(OutputResult.Retry($"{config.Path}: {ex.Message}"));
        }
    }

    public ValueTask DisposeAsync() => _file?.DisposeAsync() ?? ValueTask.CompletedTask;
}
