using Tandem.Runtime;

namespace Tandem.Cli.Images;

/// <summary>Progress for logs and pipes: one line whenever the stage changes, no control characters.</summary>
public sealed class PlainPullDisplay(TextWriter output) : IPullDisplay
{
    private readonly Lock _lock = new();
    private string? _lastStage;

    public void Report(PullProgress value)
    {
        lock (_lock)
        {
            if (value.Stage == _lastStage)
            {
                return;
            }
            _lastStage = value.Stage;
            var detail = value.Stage == "done" ? $" ({ByteSize.Format(value.BytesTotal ?? value.BytesDone)})"
                : value.LayersTotal > 0 ? $" ({value.LayersDone}/{value.LayersTotal} {(value.LayersTotal == 1 ? "layer" : "layers")} done)"
                : "";
            output.WriteLine($"{value.Image}: {value.Stage}{detail}");
            output.Flush();
        }
    }

    public void Finish()
    {
        lock (_lock)
        {
            _lastStage = null;
        }
    }
}
