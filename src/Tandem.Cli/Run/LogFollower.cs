using System.Text;

namespace Tandem.Cli.Run;

/// <summary>
/// Follows one container instance's CRI log file from its start and hands each complete line to the output, joining
/// partial (<c>P</c>) records. Once <see cref="Complete"/> is called (the container exited) it reads to the end and stops.
/// </summary>
internal sealed class LogFollower(string path, Action<string, bool> line, TimeProvider time)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Complete() => _exited.TrySetResult();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!File.Exists(path))
        {
            if (_exited.Task.IsCompleted || cancellationToken.IsCancellationRequested)
            {
                return;
            }
            await Task.Delay(Poll, time, cancellationToken).ConfigureAwait(false);
        }
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(file, Encoding.UTF8);
        var partial = new StringBuilder();
        var pending = new StringBuilder();
        while (true)
        {
            var exited = _exited.Task.IsCompleted;
            var read = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            pending.Append(read);
            Emit(pending, partial);
            if (exited || cancellationToken.IsCancellationRequested)
            {
                return;
            }
            await Task.WhenAny(_exited.Task, Task.Delay(Poll, time, cancellationToken)).ConfigureAwait(false);
        }
    }

    private void Emit(StringBuilder pending, StringBuilder partial)
    {
        var text = pending.ToString();
        var end = text.LastIndexOf('\n');
        if (end < 0)
        {
            return;
        }
        foreach (var record in text[..end].Split('\n'))
        {
            // <time> <stream> <P|F> <content>
            var parts = record.Split(' ', 4);
            if (parts.Length < 3)
            {
                continue;
            }
            partial.Append(parts.Length == 4 ? parts[3] : "");
            if (parts[2] == "P")
            {
                continue;
            }
            line(partial.ToString(), parts[1] == "stderr");
            partial.Clear();
        }
        pending.Remove(0, end + 1);
    }
}
