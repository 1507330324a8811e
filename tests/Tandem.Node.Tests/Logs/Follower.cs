using System.Text;
using System.Threading.Channels;
using Tandem.Node.Logs;

namespace Tandem.Node.Tests.Logs;

/// <summary>Drains a following read on its own task so a test can write, then await the lines it expects (10 s deadline).</summary>
internal sealed class Follower : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly Task _pump;

    public Follower(IAsyncEnumerable<LogLine> lines) => _pump = PumpAsync(lines);

    public async Task<List<string>> TakeAsync(int count)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        var taken = new List<string>();
        while (taken.Count < count)
        {
            taken.Add(await _lines.Reader.ReadAsync(timeout.Token));
        }
        return taken;
    }

    /// <summary>Everything up to the end of the read, which must come within the deadline.</summary>
    public async Task<List<string>> RestAsync()
    {
        await _pump.WaitAsync(Deadline);
        return [.. _lines.Reader.ReadAllAsync().ToBlockingEnumerable()];
    }

    public async ValueTask DisposeAsync()
    {
        // Test failures may leave the read open; the temp directory's removal does not wait for it.
        await Task.WhenAny(_pump, Task.Delay(Deadline));
    }

    private async Task PumpAsync(IAsyncEnumerable<LogLine> lines)
    {
        try
        {
            await foreach (var line in lines)
            {
                _lines.Writer.TryWrite(Encoding.UTF8.GetString(line.Content.Span));
            }
        }
        finally
        {
            _lines.Writer.TryComplete();
        }
    }
}
