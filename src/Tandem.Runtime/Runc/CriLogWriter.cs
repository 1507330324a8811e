using System.Text;

namespace Tandem.Runtime.Runc;

/// <summary>
/// Copies a container's stdout and stderr into one file in the kubelet's CRI log format
/// (<c>2026-01-02T03:04:05.123456789Z stdout F text</c>), one line per line the container wrote;
/// a line longer than 16 KiB is cut into <c>P</c> (partial) records ended by an <c>F</c>, as
/// containerd does, so readers can put it back together. Runs in this process: no shim per container.
/// </summary>
internal sealed class CriLogWriter : IAsyncDisposable
{
    public const int MaxLineBytes = 16 * 1024;

    private readonly FileStream _file;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    public CriLogWriter(string path, TimeProvider time)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        _time = time;
    }

    /// <summary>Copies one stream until the container closes it.</summary>
    public async Task PumpAsync(Stream source, string streamName)
    {
        var buffer = new byte[32 * 1024];
        var line = new MemoryStream();
        try
        {
            int n;
            while ((n = await source.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                var start = 0;
                for (var i = 0; i < n; i++)
                {
                    if (buffer[i] == (byte)'\n')
                    {
                        line.Write(buffer, start, i - start);
                        Write(streamName, 'F', line);
                        start = i + 1;
                    }
                    else if (line.Length + (i - start) + 1 >= MaxLineBytes)
                    {
                        line.Write(buffer, start, i - start + 1);
                        Write(streamName, 'P', line);
                        start = i + 1;
                    }
                }
                line.Write(buffer, start, n - start);
            }
        }
        catch (IOException)
        {
            // The pipe broke (container killed mid-write): what arrived is logged below.
        }
        catch (ObjectDisposedException)
        {
            // The container was given up on (failed start) and its log closed: nothing more to copy.
            return;
        }
        if (line.Length > 0)
        {
            // The stream ended without a newline: the text is complete, so it is a full record.
            Write(streamName, 'F', line);
        }
    }

    private void Write(string streamName, char tag, MemoryStream content)
    {
        var stamp = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture);
        var prefix = Encoding.ASCII.GetBytes($"{stamp}00Z {streamName} {tag} ");
        lock (_gate)
        {
            _file.Write(prefix);
            _file.Write(content.GetBuffer(), 0, (int)content.Length);
            _file.WriteByte((byte)'\n');
            _file.Flush();
        }
        content.SetLength(0);
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
