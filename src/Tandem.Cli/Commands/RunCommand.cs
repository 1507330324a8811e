using System.CommandLine;
using Tandem.Cli.Lint;
using Tandem.Cli.Run;

namespace Tandem.Cli.Commands;

/// <summary>
/// <c>tandem run FILE</c>: runs the file's pods in the foreground on this machine (runc, no daemon), streams every
/// container's log as <c>[pod/container] text</c> with the lifecycle in between, and stops the pods in Kubernetes order
/// when they complete, on Ctrl-C or SIGTERM, after <c>--timeout</c> or <c>--stop-after</c>.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A manifest with one or more Pods, and the ConfigMaps and Secrets they use." };
        var timeout = new Option<TimeSpan?>("--timeout")
        {
            Description = "Fail (exit 124) if the pods have not completed within this time (e.g. 90s, 5m); they are stopped in order first.",
            CustomParser = ParseDuration,
        };
        var stopAfter = new Option<TimeSpan?>("--stop-after")
        {
            Description = "Run for this long, then stop the pods in order as Ctrl-C would; exit 0 if every pod was Ready (or Succeeded) then. For smoke tests of long-running pods.",
            CustomParser = ParseDuration,
        };
        var stateDir = Hosting.NodeStateOptions.CreateStateDirOption();
        var color = new Option<string>("--color") { Description = "Colour: auto (only on a terminal, not with NO_COLOR), always or never.", DefaultValueFactory = _ => "auto" };
        var command = new Command("run", "Run the pods of a manifest here, in the foreground, with the kubelet's lifecycle; stream their logs.")
        {
            file, timeout, stopAfter, stateDir, color,
        };
        // Synchronous on purpose: System.CommandLine gives asynchronous actions only 2 s after SIGTERM, too little to stop pods in order.
        command.SetAction(parse =>
        {
            var mode = parse.GetValue(color) switch { "always" => ColorMode.Always, "never" => ColorMode.Never, _ => ColorMode.Auto };
            var settings = new RunSettings
            {
                File = parse.GetValue(file)!,
                StateDirectory = Hosting.NodeStateOptions.Resolve(parse, stateDir),
                Timeout = parse.GetValue(timeout),
                StopAfter = parse.GetValue(stopAfter),
                Color = ColorDecision.Decide(mode, Console.Out, Environment.GetEnvironmentVariable),
            };
            return new RunSession(settings, Console.Out, Console.Error, TimeProvider.System).RunAsync().GetAwaiter().GetResult();
        });
        return command;
    }

    private static TimeSpan? ParseDuration(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (Duration.TryParse(text, out var duration) && duration > TimeSpan.Zero)
        {
            return duration;
        }
        result.AddError($"'{text}' is not a duration; use a number with a unit, like 30s, 2m or 1h30m");
        return null;
    }
}
