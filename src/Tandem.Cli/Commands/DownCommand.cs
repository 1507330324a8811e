using System.CommandLine;
using Tandem.Cli.Daemon;

namespace Tandem.Cli.Commands;

/// <summary>
/// <c>tandem down</c>: asks the daemon to stop and waits until it is gone. By default it terminates every pod in
/// Kubernetes order first (SIGTERM); with <c>--keep-pods</c> it leaves them running (SIGUSR1) for the next
/// <c>tandem up</c> to re-adopt. Exit 0 also when nothing was running; 124 when the daemon outlived <c>--timeout</c>.
/// </summary>
public static class DownCommand
{
    public static Command Create()
    {
        var keepPods = new Option<bool>("--keep-pods") { Description = "Stop the daemon but leave its pods running; the next tandem up re-adopts them." };
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "How long to wait for the daemon to stop (default 2m; pods get their own grace periods within it).",
            DefaultValueFactory = _ => TimeSpan.FromMinutes(2),
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
                if (Run.Duration.TryParse(text, out var duration) && duration > TimeSpan.Zero)
                {
                    return duration;
                }
                result.AddError($"'{text}' is not a duration; use a number with a unit, like 30s, 2m or 1h30m");
                return default;
            },
        };
        var stateDir = Hosting.NodeStateOptions.CreateStateDirOption();
        var command = new Command("down", "Stop the daemon: every pod is terminated in Kubernetes order (or left running with --keep-pods).")
        {
            keepPods, timeout, stateDir,
        };
        command.SetAction(parse => DownAsync(new DaemonLayout(Hosting.NodeStateOptions.Resolve(parse, stateDir)), parse.GetValue(keepPods),
            parse.GetValue(timeout), Console.Out, Console.Error).GetAwaiter().GetResult());
        return command;
    }

    private static async Task<int> DownAsync(DaemonLayout layout, bool keepPods, TimeSpan timeout, TextWriter output, TextWriter errors)
    {
        if (RunningDaemon.Find(layout) is not { } running)
        {
            await output.WriteLineAsync($"tandem is not running (state {layout.StateDirectory}); nothing to stop").ConfigureAwait(false);
            return ExitCodes.Success;
        }
        if (!Hosting.RootRequirement.Check("down", layout.StateDirectory, errors))
        {
            return ExitCodes.Failure;
        }
        ProcessIdentity.Signal(running.Pid, keepPods ? DaemonSignals.KeepPodsSignal : DaemonSignals.StopSignal);
        await output.WriteLineAsync(keepPods
            ? $"Stopping tandem (pid {running.Pid}) and leaving its pods running..."
            : $"Stopping tandem (pid {running.Pid}): terminating every pod in order...").ConfigureAwait(false);
        if (!await RunningDaemon.WaitForExitAsync(running, timeout, TimeProvider.System, CancellationToken.None).ConfigureAwait(false))
        {
            await errors.WriteLineAsync($"tandem down: the daemon (pid {running.Pid}) is still stopping after {timeout}; see {layout.LogFile}").ConfigureAwait(false);
            return ExitCodes.TimedOut;
        }
        await output.WriteLineAsync(keepPods
            ? "tandem stopped; its pods keep running and the next tandem up re-adopts them"
            : "tandem stopped; no pods are left running").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
