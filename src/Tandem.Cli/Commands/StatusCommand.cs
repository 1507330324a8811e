using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Tandem.Cli.Daemon;

namespace Tandem.Cli.Commands;

/// <summary>
/// <c>tandem status</c>: whether the daemon of the state directory runs, where, since when, and its pods by phase (asked
/// of the API). Exit 0 when it runs, 3 when it does not (as <c>systemctl status</c> reports an inactive unit).
/// </summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--output", "-o") { Description = "Output format: text (default) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var stateDir = Hosting.NodeStateOptions.CreateStateDirOption();
        var command = new Command("status", "Show whether the daemon runs, where it serves, and its pods by phase; exit 3 when it is not running.")
        {
            format, stateDir,
        };
        command.SetAction(parse => StatusAsync(new DaemonLayout(Hosting.NodeStateOptions.Resolve(parse, stateDir)), parse.GetValue(format) == "json",
            parse.InvocationConfiguration.Output).GetAwaiter().GetResult());
        return command;
    }

    private static async Task<int> StatusAsync(DaemonLayout layout, bool json, TextWriter output)
    {
        var status = await ReadAsync(layout, TimeProvider.System).ConfigureAwait(false);
        await output.WriteLineAsync(json ? JsonSerializer.Serialize(status, DaemonJsonContext.Default.DaemonStatus) : Text(status)).ConfigureAwait(false);
        return status.Running ? ExitCodes.Success : ExitCodes.NotRunning;
    }

    private static async Task<DaemonStatus> ReadAsync(DaemonLayout layout, TimeProvider time)
    {
        var status = new DaemonStatus { Running = false, StateDirectory = layout.StateDirectory, LogFile = layout.LogFile };
        if (RunningDaemon.Find(layout) is not { } running)
        {
            return status;
        }
        status = status with
        {
            Running = true,
            Pid = running.Pid,
            Address = running.Address,
            StartedAt = running.StartedAt,
            UptimeSeconds = (long)(time.GetUtcNow() - running.StartedAt).TotalSeconds,
            Version = running.Version,
            Context = KubeconfigEntry.Name,
        };
        try
        {
            var token = File.ReadAllText(layout.TokenFile).Trim();
            using var api = new DaemonApiClient(new Uri(running.Address), File.ReadAllText(layout.CaCertificate), token);
            return status with { Pods = await api.CountPodsByPhaseAsync(CancellationToken.None).ConfigureAwait(false) };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            return status with { ApiError = e.Message };
        }
    }

    private static string Text(DaemonStatus status)
    {
        if (!status.Running)
        {
            return $"tandem is not running (state {status.StateDirectory}; log {status.LogFile})";
        }
        var pods = status.Pods is null ? $"unknown (the API did not answer: {status.ApiError})"
            : status.Pods.Count == 0 ? "none"
            : string.Join(", ", status.Pods.Select(p => $"{p.Value} {p.Key}"));
        return string.Join('\n',
            $"tandem is running (pid {status.Pid}), version {status.Version}",
            $"  address:  {status.Address}",
            $"  uptime:   {Uptime(status.UptimeSeconds ?? 0)} (since {status.StartedAt?.ToString("u", CultureInfo.InvariantCulture)})",
            $"  context:  {status.Context} (kubectl --context {status.Context})",
            $"  state:    {status.StateDirectory}",
            $"  log:      {status.LogFile}",
            $"  pods:     {pods}");
    }

    // Like kubectl's ages: the two largest units (3d4h, 2h15m, 5m10s, 42s).
    private static string Uptime(long seconds)
    {
        var t = TimeSpan.FromSeconds(seconds);
        return t.TotalDays >= 1 ? $"{(int)t.TotalDays}d{t.Hours}h"
            : t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes}m"
            : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m{t.Seconds}s"
            : $"{t.Seconds}s";
    }
}
