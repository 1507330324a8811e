using System.Diagnostics;
using System.Text;

namespace Tandem.Server.Tests.Streaming;

/// <summary>kubectl running on a test <see cref="Pty"/>, as a user at a terminal would run it: type, read, resize.</summary>
internal sealed class TerminalSession : IAsyncDisposable
{
    private readonly Pty _pty;
    private readonly Process _process;
    private readonly StringBuilder _screen = new();
    private readonly Task _reading;

    public TerminalSession(IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment, ushort rows, ushort columns)
    {
        _pty = new Pty(rows, columns);
        // Our copy of the terminal's process side stays open until kubectl has exited: closed earlier, the terminal
        // could hang up (EIO) before kubectl has opened it.
        _process = _pty.Start(command, environment);
        // A blocking read on a thread of its own: pty reads would otherwise hold thread-pool threads for the
        // whole session, and parallel sessions on a small machine starve the pool.
        _reading = Task.Factory.StartNew(() =>
        {
            var buffer = new byte[4096];
            try
            {
                int read;
                while ((read = _pty.Master.Read(buffer)) > 0)
                {
                    lock (_screen)
                    {
                        _screen.Append(Encoding.UTF8.GetString(buffer, 0, read));
                    }
                }
            }
            catch (IOException)
            {
                // EIO: kubectl, the last process on the terminal, has exited.
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public string Screen
    {
        get
        {
            lock (_screen)
            {
                return _screen.ToString();
            }
        }
    }

    public async Task TypeAsync(string text)
    {
        await _pty.Master.WriteAsync(Encoding.UTF8.GetBytes(text));
        await _pty.Master.FlushAsync();
    }

    public void Resize(ushort rows, ushort columns) => _pty.Resize(rows, columns);

    /// <summary>Waits until the screen shows <paramref name="text"/> (counting from <paramref name="after"/>).</summary>
    public async Task<int> WaitForAsync(string text, int after = 0, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < (timeout ?? TimeSpan.FromSeconds(30)))
        {
            var screen = Screen;
            var at = screen.IndexOf(text, Math.Min(after, screen.Length), StringComparison.Ordinal);
            if (at >= 0)
            {
                return at + text.Length;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"the terminal never showed \"{text}\"; it shows:\n{Screen}");
    }

    public async Task<int> WaitForExitAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(limit.Token);
        _pty.CloseSlave();
        await _reading.WaitAsync(TimeSpan.FromSeconds(10));
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _pty.Dispose();
    }
}
