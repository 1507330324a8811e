using Microsoft.Extensions.Logging;
using Tandem.Model.CoreV1;
using Tandem.Node;
using Tandem.Node.Store;
using Tandem.Runtime;
using Tandem.Runtime.Runc;

namespace Tandem.Cli.Run;

/// <summary>
/// One <c>tandem run</c>: an in-process node on runc runs the file's pods, streams their logs and lifecycle, and
/// terminates them in Kubernetes order when they complete, time out, or the user stops it; then removes everything.
/// Exit code: 0 when every pod Succeeded (or, with <c>--stop-after</c>, was Ready when stopped), 1 when one Failed,
/// 2 for input that cannot be run, 124 after <c>--timeout</c>, 130/143 after SIGINT/SIGTERM.
/// </summary>
public sealed class RunSession(RunSettings settings, TextWriter output, TextWriter errors, TimeProvider time)
{
    public async Task<int> RunAsync()
    {
        var (objects, problems) = RunObjects.Load(settings.File);
        if (objects is null)
        {
            foreach (var problem in problems)
            {
                await errors.WriteLineAsync(problem).ConfigureAwait(false);
            }
            return ExitCodes.UsageOrInput;
        }
        if (!Hosting.RootRequirement.Check("run", settings.StateDirectory, errors))
        {
            return ExitCodes.Failure;
        }
        using var loggers = LoggerFactory.Create(logging => logging
            .SetMinimumLevel(Environment.GetEnvironmentVariable("TANDEM_DEBUG") == "1" ? LogLevel.Debug : LogLevel.Warning)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        var runtime = Hosting.RuntimeFactory.Create(settings.StateDirectory, loggers);
        try
        {
            await runtime.VerifyHostAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (RuntimeException e)
        {
            await errors.WriteLineAsync($"tandem run: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        using var signals = new RunSignals();
        var node = new NodeOptions { StateDirectory = Path.Combine(settings.StateDirectory, "node") };
        var kubelet = new Kubelet(node, runtime.Sandboxes, runtime.Containers, runtime.Images, time, loggers);
        var reporter = new RunReporter(new PrefixedLogWriter(output, settings.Color), time);
        // The reporter ends when the node completes its notifications, after the last pod is gone.
        var reporting = reporter.RunAsync(kubelet.Notifications.Subscribe(), CancellationToken.None);
        try
        {
            await kubelet.StartAsync(CancellationToken.None).ConfigureAwait(false);
            return await RunPodsAsync(kubelet, runtime, objects, signals).ConfigureAwait(false);
        }
        finally
        {
            await kubelet.DisposeAsync().ConfigureAwait(false);
            await reporting.ConfigureAwait(false);
        }
    }

    private async Task<int> RunPodsAsync(Kubelet kubelet, RuncRuntime runtime, RunObjects objects, RunSignals signals)
    {
        foreach (var configMap in objects.ConfigMaps)
        {
            kubelet.Apply(configMap);
        }
        foreach (var secret in objects.Secrets)
        {
            kubelet.Apply(secret);
        }
        var keys = objects.Pods.Select(pod => ObjectStore.KeyOf(kubelet.Apply(pod).Metadata)).ToList();
        var completed = Task.WhenAll(keys.Select(key => kubelet.WaitForFinishAsync(key, CancellationToken.None)));
        var ending = await WaitForEndingAsync(completed, signals).ConfigureAwait(false);
        var ready = keys.All(key => IsHealthy(kubelet.Get(key)));
        if (ending != RunEnding.Completed)
        {
            await errors.WriteLineAsync(Announcement(ending)).ConfigureAwait(false);
        }
        using var kill = signals.Kill.Register(() => _ = KillEverythingAsync(runtime));
        var finals = await Task.WhenAll(keys.Select(key => kubelet.DeleteAsync(key, null, CancellationToken.None))).ConfigureAwait(false);
        foreach (var pod in finals.OfType<Pod>())
        {
            await output.WriteLineAsync(Summary(pod)).ConfigureAwait(false);
        }
        return ending switch
        {
            RunEnding.Completed => finals.All(p => p?.Status?.Phase == "Succeeded") ? ExitCodes.Success : ExitCodes.Failure,
            RunEnding.StopAfterElapsed => ready ? ExitCodes.Success : ExitCodes.Failure,
            RunEnding.TimedOut => ExitCodes.TimedOut,
            RunEnding.Terminated => ExitCodes.Terminated,
            _ => ExitCodes.Interrupted,
        };
    }

    private async Task<RunEnding> WaitForEndingAsync(Task completed, RunSignals signals)
    {
        var never = Timeout.InfiniteTimeSpan;
        using var timers = new CancellationTokenSource();
        var timeout = Task.Delay(settings.Timeout ?? never, time, timers.Token);
        var stopAfter = Task.Delay(settings.StopAfter ?? never, time, timers.Token);
        var stopped = Task.Delay(never, time, signals.Stop);
        var first = await Task.WhenAny(completed, timeout, stopAfter, stopped).ConfigureAwait(false);
        await timers.CancelAsync().ConfigureAwait(false);
        if (first == completed)
        {
            return RunEnding.Completed;
        }
        if (first == timeout)
        {
            return RunEnding.TimedOut;
        }
        if (first == stopAfter)
        {
            return RunEnding.StopAfterElapsed;
        }
        return signals.Received == System.Runtime.InteropServices.PosixSignal.SIGTERM ? RunEnding.Terminated : RunEnding.Interrupted;
    }

    private string Announcement(RunEnding ending) => ending switch
    {
        RunEnding.TimedOut => $"tandem run: the pods did not complete within {settings.Timeout}; stopping them in order",
        RunEnding.StopAfterElapsed => $"tandem run: {settings.StopAfter} passed; stopping the pods in order",
        _ => "tandem run: stopping the pods in order (again to kill them at once)",
    };

    private static async Task KillEverythingAsync(RuncRuntime runtime)
    {
        foreach (var sandbox in await runtime.Sandboxes.ListPodSandboxesAsync(CancellationToken.None).ConfigureAwait(false))
        {
            await runtime.Sandboxes.StopPodSandboxAsync(sandbox.Id, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static bool IsHealthy(Pod? pod) =>
        pod?.Status is { } status && (status.Phase == "Succeeded"
            || (status.Phase == "Running" && (status.Conditions ?? []).Any(c => c.Type == "Ready" && c.Status == "True")));

    private static string Summary(Pod pod)
    {
        var containers = (pod.Status?.InitContainerStatuses ?? []).Concat(pod.Status?.ContainerStatuses ?? [])
            .Select(c => $"{c.Name}={Describe(c)}");
        return $"pod/{pod.Metadata?.Name}: {pod.Status?.Phase} ({string.Join(", ", containers)})";
    }

    private static string Describe(Model.CoreV1.ContainerStatus status) => status switch
    {
        { State.Terminated: { } t } => $"exit {t.ExitCode}{(status.RestartCount > 0 ? $", {status.RestartCount} restarts" : "")}",
        { State.Waiting: { } w } => w.Reason ?? "waiting",
        { State.Running: not null } => "running",
        _ => "unknown",
    };
}
