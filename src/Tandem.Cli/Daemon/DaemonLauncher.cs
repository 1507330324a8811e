using System.Diagnostics;

namespace Tandem.Cli.Daemon;

/// <summary>
/// <c>tandem up</c> without <c>--foreground</c>: starts this same program as the daemon in the background (a new
/// session, stdin from /dev/null, stdout and stderr appended to <c>&lt;state&gt;/tandem.log</c>), then waits until it
/// answers an authenticated <c>/version</c>, or reports the end of its log when it exits first.
/// </summary>
public sealed class DaemonLauncher(DaemonSettings settings, TimeProvider time)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>The started daemon's record once it serves; throws with the log's last lines when it failed.</summary>
    public async Task<DaemonRecord> StartAsync(CancellationToken cancellationToken)
    {
        var layout = settings.Layout;
        Directory.CreateDirectory(layout.StateDirectory);
        // Made here, before the daemon starts, so a problem with them shows on the terminal.
        var certificates = ServingCertificates.LoadOrCreate(layout, time);
        var token = BearerToken.LoadOrCreate(layout.TokenFile);
        var logStart = File.Exists(layout.LogFile) ? new FileInfo(layout.LogFile).Length : 0;
        var pid = Spawn();
        var deadline = time.GetUtcNow() + StartTimeout;
        var startTicks = ProcessIdentity.StartTicks(pid);
        while (true)
        {
            if (startTicks is null || !ProcessIdentity.IsAlive(pid, startTicks.Value))
            {
                throw new InvalidOperationException($"the daemon exited while starting; {layout.LogFile} says:\n{Tail(layout.LogFile, logStart)}");
            }
            if (DaemonRecord.Read(layout.RecordFile) is { } record && record.Pid == pid)
            {
                using var api = new DaemonApiClient(new Uri(record.Address), certificates.CaPem, token);
                if (await api.IsReadyAsync(cancellationToken).ConfigureAwait(false))
                {
                    return record;
                }
            }
            if (time.GetUtcNow() > deadline)
            {
                throw new InvalidOperationException($"the daemon (pid {pid}) did not answer within {StartTimeout.TotalSeconds} s; see {layout.LogFile}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken).ConfigureAwait(false);
        }
    }

    // sh puts the daemon in the background and prints its pid; setsid gives it a session of its own (no terminal, no
    // SIGHUP when the shell that ran up goes away), and execs the program in place, so that pid is the daemon's.
    private int Spawn()
    {
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("log=$1; shift; setsid \"$@\" </dev/null >>\"$log\" 2>&1 & echo $!");
        info.ArgumentList.Add("sh");
        info.ArgumentList.Add(settings.Layout.LogFile);
        foreach (var argument in SelfCommand())
        {
            info.ArgumentList.Add(argument);
        }
        info.ArgumentList.Add("up");
        info.ArgumentList.Add("--foreground");
        info.ArgumentList.Add("--port");
        info.ArgumentList.Add(settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.ArgumentList.Add("--kubeconfig");
        info.ArgumentList.Add(settings.Kubeconfig);
        info.ArgumentList.Add("--state-dir");
        info.ArgumentList.Add(settings.Layout.StateDirectory);
        using var shell = Process.Start(info) ?? throw new InvalidOperationException("cannot run /bin/sh to start the daemon");
        var output = shell.StandardOutput.ReadToEnd();
        shell.WaitForExit();
        return int.TryParse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var pid)
            ? pid
            : throw new InvalidOperationException($"cannot start the daemon: /bin/sh printed \"{output.Trim()}\"");
    }

    /// <summary>How to run this program again: the apphost itself, or <c>dotnet tandem.dll</c> when started that way.</summary>
    private static string[] SelfCommand()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell which program this is, to start it as the daemon");
        var entry = typeof(DaemonLauncher).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" && entry.Length > 0 ? [process, entry] : [process];
    }

    private static string Tail(string path, long from)
    {
        if (!File.Exists(path))
        {
            return "(no log)";
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(Math.Min(from, stream.Length), SeekOrigin.Begin);
        var lines = new StreamReader(stream).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // The daemon's own one-line errors say what to do; a framework's stack trace only buries them.
        var ours = lines.Where(l => l.StartsWith("tandem", StringComparison.Ordinal)).ToList();
        return string.Join('\n', ours.Count > 0 ? ours : lines.TakeLast(20));
    }
}
