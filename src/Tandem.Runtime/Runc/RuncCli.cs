using System.Text.Json;
using Tandem.Runtime.Runc.Processes;

namespace Tandem.Runtime.Runc;

/// <summary>The runc commands the driver uses, all against the driver's own <c>--root</c>.</summary>
internal sealed class RuncCli(RuncRuntimeOptions options, StateLayout layout, IProcessRunner runner)
{
    /// <summary>
    /// <c>runc run --detach</c> in pass-through mode: the container's stdio are runc's own pipes, which
    /// this process reads; runc exits once the container's process runs. One runc process per start
    /// instead of two (<c>create</c> then <c>start</c>): the node starts each container as soon as it is
    /// created, so the split bought nothing but a process. runc's own messages go to a log file so they
    /// never mix into the container's stderr.
    /// </summary>
    public IStartedProcess Run(string id, string bundle, string pidFile, string? consoleSocket = null, string? redirections = null)
    {
        List<string> args = ["--root", layout.RuncRoot, "--log", Path.Combine(bundle, "runc.log"), "--log-format", "json",
             "run", "--detach", "--bundle", bundle, "--pid-file", pidFile,
             .. consoleSocket is null ? Array.Empty<string>() : ["--console-socket", consoleSocket], id];
        // The container's stdio are FIFOs (ContainerStdio) that runc must be given as its own: a shell opens them
        // and replaces itself with runc, so no process stays behind. The bundle is the script's $0.
        return redirections is null
            ? runner.Start(new ProcessSpec(options.RuncPath, args))
            : runner.Start(new ProcessSpec("/bin/sh", ["-c", $"exec \"$@\" {redirections}", bundle, options.RuncPath, .. args]));
    }

    /// <summary>
    /// <c>runc exec --detach</c>: runc sets the process up and exits, leaving it to us (the child subreaper), its
    /// stdio runc's own pipes, or with a terminal, whose master is sent to <paramref name="consoleSocket"/>. runc's own
    /// errors go to <paramref name="logFile"/>, never into the process's output.
    /// </summary>
    public IStartedProcess ExecDetached(string id, string pidFile, string logFile, string? consoleSocket, IReadOnlyList<string> command) =>
        runner.Start(new ProcessSpec(options.RuncPath,
            ["--root", layout.RuncRoot, "--log", logFile, "--log-format", "json", "exec", "--detach", "--pid-file", pidFile,
             .. consoleSocket is null ? Array.Empty<string>() : ["--tty", "--console-socket", consoleSocket], id, .. command]));

    /// <summary>The last error runc logged for a bundle, for messages.</summary>
    public static string LastError(string bundle, string fallback) => LastErrorIn(Path.Combine(bundle, "runc.log"), fallback);

    /// <summary>The last error in a runc log file (<c>--log</c>), for messages.</summary>
    public static string LastErrorIn(string log, string fallback)
    {
        if (!File.Exists(log))
        {
            return fallback;
        }
        var message = fallback;
        foreach (var line in File.ReadLines(log))
        {
            try
            {
                using var entry = JsonDocument.Parse(line);
                if (entry.RootElement.TryGetProperty("level", out var level) && level.GetString() is "error" or "fatal"
                    && entry.RootElement.TryGetProperty("msg", out var msg))
                {
                    message = msg.GetString() ?? message;
                }
            }
            catch (JsonException)
            {
                // Not every line runc writes is JSON (panics); keep the last good message.
            }
        }
        return message;
    }

    /// <summary>Signals every process of the container (<c>--all</c>), which also reaches processes that left init's PID namespace share.</summary>
    public Task KillAllAsync(string id, string signal, CancellationToken cancellationToken) =>
        RunAsync(["kill", "--all", id, signal], cancellationToken);

    /// <summary>
    /// Whether runc still has state for <paramref name="id"/> (its directory under our <c>--root</c>). The exit of a
    /// container already ran <c>runc delete</c>; asking runc again on removal only cost a process (30-60 ms on a loaded
    /// machine) per container, one after the other, on the path of every pod deletion.
    /// </summary>
    public bool Knows(string id) => Directory.Exists(Path.Combine(layout.RuncRoot, id));

    /// <summary>Kills what is left and removes runc's state and the container's cgroup; a container runc does not know is fine.</summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var result = await RunAsync(["delete", "--force", id], cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0 && !result.Stderr.Contains("does not exist", StringComparison.Ordinal))
        {
            throw new RuntimeException(RuntimeErrorCode.Internal, $"runc delete {id} failed: {result.Stderr.Trim()}");
        }
    }

    /// <summary>runc's view of a container (<c>created</c>, <c>running</c>, <c>stopped</c>) and its init pid; null when runc does not know it.</summary>
    public async Task<(string Status, int Pid)?> StateAsync(string id, CancellationToken cancellationToken)
    {
        var result = await RunAsync(["state", id], cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            return null;
        }
        using var state = JsonDocument.Parse(result.Stdout);
        return (state.RootElement.GetProperty("status").GetString() ?? "unknown", state.RootElement.GetProperty("pid").GetInt32());
    }

    public Task<ProcessResult> ExecAsync(string id, string pidFile, IReadOnlyList<string> command, CancellationToken cancellationToken) =>
        runner.RunAsync(new ProcessSpec(options.RuncPath, ["--root", layout.RuncRoot, "exec", "--pid-file", pidFile, id, .. command])
        {
            OutputLimitBytes = 10 * 1024,
        }, cancellationToken);

    private Task<ProcessResult> RunAsync(List<string> args, CancellationToken cancellationToken) =>
        runner.RunAsync(new ProcessSpec(options.RuncPath, ["--root", layout.RuncRoot, .. args]), cancellationToken);
}
