using System.CommandLine;
using Tandem.Cli.Daemon;

namespace Tandem.Cli.Commands;

/// <summary>
/// <c>tandem up</c>: starts the node as a background daemon serving the Kubernetes API on loopback, merges a
/// <c>tandem</c> context into the kubeconfig, and returns once the API answers. Idempotent: when the daemon of this
/// state directory already runs, it says so (and refreshes the kubeconfig entry) and exits 0.
/// </summary>
public static class UpCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port")
        {
            Description = $"The port on 127.0.0.1 to serve the API on (default {DaemonSettings.DefaultPort}; 0 picks a free one). A port in use is an error, not a silent change: kubeconfigs name it.",
            DefaultValueFactory = _ => DaemonSettings.DefaultPort,
        };
        var kubeconfig = new Option<string?>("--kubeconfig")
        {
            Description = "The kubeconfig to add the tandem cluster, user and context to (default: the first file of $KUBECONFIG, else ~/.kube/config).",
            HelpName = "file",
        };
        var foreground = new Option<bool>("--foreground") { Description = "Run the daemon in this process, logging to the terminal (for systemd or debugging); stop it with Ctrl-C." };
        var stateDir = Hosting.NodeStateOptions.CreateStateDirOption();
        var command = new Command("up", "Start the node as a background daemon that serves the Kubernetes API, so kubectl and the tandem client verbs work.")
        {
            port, kubeconfig, foreground, stateDir,
        };
        // Synchronous on purpose: System.CommandLine gives asynchronous actions only 2 s after SIGTERM, too little to stop pods in order.
        command.SetAction(parse =>
        {
            var layout = new DaemonLayout(Hosting.NodeStateOptions.Resolve(parse, stateDir));
            var portNumber = parse.GetValue(port);
            if (portNumber is < 0 or > 65535)
            {
                Console.Error.WriteLine($"tandem up: --port {portNumber} is not a port; use 1 to 65535, or 0 for any free one");
                return ExitCodes.UsageOrInput;
            }
            var settings = new DaemonSettings
            {
                Layout = layout,
                Port = portNumber,
                Kubeconfig = KubeconfigMerge.Locate(parse.GetValue(kubeconfig), Environment.GetEnvironmentVariable),
            };
            return parse.GetValue(foreground)
                ? new DaemonHost(settings, Console.Error, TimeProvider.System).RunAsync().GetAwaiter().GetResult()
                : UpAsync(settings, Console.Out, Console.Error).GetAwaiter().GetResult();
        });
        return command;
    }

    private static async Task<int> UpAsync(DaemonSettings settings, TextWriter output, TextWriter errors)
    {
        var layout = settings.Layout;
        if (RunningDaemon.Find(layout) is { } running)
        {
            var previous = MergeKubeconfig(settings, running);
            await output.WriteLineAsync($"tandem is already running (pid {running.Pid}) at {running.Address}").ConfigureAwait(false);
            await output.WriteLineAsync(ContextLine(settings.Kubeconfig, previous)).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        if (!Hosting.RootRequirement.Check("up", layout.StateDirectory, errors))
        {
            return ExitCodes.Failure;
        }
        var before = KubeconfigMerge.CurrentContext(settings.Kubeconfig);
        var record = await new DaemonLauncher(settings, TimeProvider.System).StartAsync(CancellationToken.None).ConfigureAwait(false);
        await output.WriteLineAsync($"tandem is up (pid {record.Pid}), serving the Kubernetes API at {record.Address}").ConfigureAwait(false);
        await output.WriteLineAsync($"  log:        {layout.LogFile}").ConfigureAwait(false);
        await output.WriteLineAsync($"  state:      {layout.StateDirectory}").ConfigureAwait(false);
        await output.WriteLineAsync(ContextLine(settings.Kubeconfig, before)).ConfigureAwait(false);
        await output.WriteLineAsync("Try: kubectl get pods    Stop: tandem down (--keep-pods to leave the pods running)").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static string? MergeKubeconfig(DaemonSettings settings, DaemonRecord running)
    {
        var certificates = ServingCertificates.LoadOrCreate(settings.Layout, TimeProvider.System);
        var token = BearerToken.LoadOrCreate(settings.Layout.TokenFile);
        return KubeconfigMerge.Apply(settings.Kubeconfig, new KubeconfigEntry(running.Address, certificates.CaPem, token));
    }

    private static string ContextLine(string kubeconfig, string? previous) =>
        previous is null or KubeconfigEntry.Name
            ? $"  kubeconfig: {kubeconfig} (context \"{KubeconfigEntry.Name}\", the current context)"
            : $"  kubeconfig: {kubeconfig} (context \"{KubeconfigEntry.Name}\" is now the current context; it was \"{previous}\": kubectl config use-context {previous})";
}
