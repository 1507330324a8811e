using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Tandem.Node;
using Tandem.Runtime;
using Tandem.Server;

namespace Tandem.Cli.Daemon;

/// <summary>
/// The daemon itself (<c>tandem up --foreground</c>): a node on runc that re-adopts the pods an earlier daemon left,
/// and the Kubernetes API server over it on loopback with the daemon's certificate and token. It records itself in
/// <c>daemon.json</c> once it serves and runs until SIGTERM/SIGINT (every pod terminated in Kubernetes order, then the
/// server stops) or SIGUSR1 (it stops and leaves the pods running). Logs go to standard output, which the background
/// launcher points at <c>&lt;state&gt;/tandem.log</c>.
/// </summary>
public sealed partial class DaemonHost(DaemonSettings settings, TextWriter errors, TimeProvider time)
{
    public async Task<int> RunAsync()
    {
        var layout = settings.Layout;
        if (!Hosting.RootRequirement.Check("up", layout.StateDirectory, errors))
        {
            return ExitCodes.Failure;
        }
        Directory.CreateDirectory(layout.StateDirectory);
        using var loggers = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(Environment.GetEnvironmentVariable("TANDEM_DEBUG") == "1" ? LogLevel.Debug : LogLevel.Information)
            // ASP.NET Core's per-request lines would drown the node's; its warnings and errors still show.
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                o.ColorBehavior = Microsoft.Extensions.Logging.Console.LoggerColorBehavior.Disabled;
            }));
        var logger = loggers.CreateLogger("Tandem.Daemon");
        using var daemonLock = DaemonLock.Acquire(layout);
        using var signals = new DaemonSignals();
        var certificates = ServingCertificates.LoadOrCreate(layout, time);
        var token = BearerToken.LoadOrCreate(layout.TokenFile);
        var runtime = Hosting.RuntimeFactory.Create(layout.StateDirectory, loggers);
        try
        {
            await runtime.VerifyHostAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (RuntimeException e)
        {
            await errors.WriteLineAsync($"tandem up: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        var keepPods = false;
        var served = false;
        var kubelet = new Kubelet(new NodeOptions { StateDirectory = layout.NodeDirectory, AdoptExisting = true },
            runtime.Sandboxes, runtime.Containers, runtime.Images, time, loggers);
        await using (kubelet.ConfigureAwait(false))
        {
            // Under the node's lock, the runtime first takes over the containers an earlier daemon left (their output
            // and exits), then the node matches them to its stored pods.
            await kubelet.StartAsync(async token =>
            {
                var recovered = await runtime.RecoverAsync(token).ConfigureAwait(false);
                Log.Recovered(logger, recovered.Sandboxes, recovered.RunningContainers, recovered.ExitedWhileDown);
            }, CancellationToken.None).ConfigureAwait(false);
            ApiServer? server = null;
            try
            {
                server = await ApiServer.StartAsync(new ApiServerOptions
                {
                    Listen = new IPEndPoint(IPAddress.Loopback, settings.Port),
                    Certificate = certificates.Server,
                    BearerToken = token,
                    Time = time,
                }, kubelet, loggers, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (IsAddressInUse(e))
            {
                // The pods were re-adopted and are let go again as they are: a later up on a free port carries on with them.
                await errors.WriteLineAsync($"tandem up: port {settings.Port} on 127.0.0.1 is in use; stop what uses it, or choose another with --port (0 picks a free one)").ConfigureAwait(false);
                keepPods = true;
            }
            if (server is not null)
            {
                await using (server.ConfigureAwait(false))
                {
                    keepPods = await ServeAsync(kubelet, server, certificates, token, signals, logger).ConfigureAwait(false);
                }
                served = true;
            }
        }
        if (keepPods)
        {
            // Lets go of the containers' output pipes and exit watchers without stopping anything.
            await runtime.DetachAsync().ConfigureAwait(false);
        }
        if (!served)
        {
            return ExitCodes.Failure;
        }
        File.Delete(layout.RecordFile);
        Log.Stopped(logger);
        return ExitCodes.Success;
    }

    /// <summary>Records the daemon, merges the kubeconfig, serves until asked to stop, and stops the pods unless told to keep them; returns whether it kept them.</summary>
    private async Task<bool> ServeAsync(Kubelet kubelet, ApiServer server, ServingCertificates certificates, string token, DaemonSignals signals, ILogger logger)
    {
        var layout = settings.Layout;
        var record = new DaemonRecord
        {
            Pid = Environment.ProcessId,
            ProcessStartTicks = ProcessIdentity.StartTicks(Environment.ProcessId) ?? 0,
            Address = server.Address.ToString().TrimEnd('/'),
            StartedAt = time.GetUtcNow(),
            Version = Commands.VersionCommand.Current,
        };
        KubeconfigMerge.Apply(settings.Kubeconfig, new KubeconfigEntry(record.Address, certificates.CaPem, token));
        record.Write(layout.RecordFile);
        Log.Serving(logger, record.Version, record.Address, kubelet.List().Count, settings.Kubeconfig);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, signals.Stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Asked to stop.
        }
        if (signals.KeepPods)
        {
            Log.StoppingKeepingPods(logger, kubelet.List().Count);
            return true;
        }
        // The server keeps answering meanwhile, so clients see the pods terminate.
        Log.StoppingPods(logger, kubelet.List().Count);
        await kubelet.DeleteAllAsync(null, CancellationToken.None).ConfigureAwait(false);
        return false;
    }

    private static bool IsAddressInUse(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is Microsoft.AspNetCore.Connections.AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }
        return false;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "tandem {Version} serving the Kubernetes API at {Address} ({Pods} pod(s) on the node); kubeconfig {Kubeconfig}, context tandem")]
        public static partial void Serving(ILogger logger, string version, string address, int pods, string kubeconfig);

        [LoggerMessage(2, LogLevel.Information, "Stopping: terminating {Pods} pod(s) in order")]
        public static partial void StoppingPods(ILogger logger, int pods);

        [LoggerMessage(3, LogLevel.Information, "Stopping and leaving {Pods} pod(s) running; the next tandem up re-adopts them")]
        public static partial void StoppingKeepingPods(ILogger logger, int pods);

        [LoggerMessage(5, LogLevel.Information, "Runtime recovery: {Sandboxes} sandbox(es), {Running} running container(s) taken over, {Exited} exited while no daemon ran")]
        public static partial void Recovered(ILogger logger, int sandboxes, int running, int exited);

        [LoggerMessage(4, LogLevel.Information, "Stopped")]
        public static partial void Stopped(ILogger logger);
    }
}
