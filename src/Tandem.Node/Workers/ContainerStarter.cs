using Tandem.Model.CoreV1;
using Tandem.Node.Containers;
using Tandem.Node.Lifecycle;
using Tandem.Runtime;

namespace Tandem.Node.Workers;

/// <summary>
/// Carries out one <see cref="StartContainerAction"/> the way the kubelet's <c>startContainer</c> does, in its
/// numbered steps: ensure the image (pull policy), generate the config, create, start, then run postStart and wait
/// for it (R7). Each failure becomes the waiting reason the kubelet would show, with its event.
/// </summary>
internal sealed class ContainerStarter(PodWorkerContext context)
{
    public async Task<StartOutcome> StartAsync(Pod pod, StartContainerAction action, PodRuntimeContext runtime, Action<Lifecycle.PodEvent> record, CancellationToken cancellationToken)
    {
        var container = action.Spec;
        var name = action.Name;
        var now = context.Time.GetUtcNow;

        // 1. The image.
        var pullFailure = await context.Images.EnsureAsync(name, container.Image!, container.ImagePullPolicy, record, cancellationToken).ConfigureAwait(false);
        if (pullFailure is not null)
        {
            return new StartOutcome(null, pullFailure);
        }

        // 2. The config: environment, mounts, limits, user.
        ContainerConfig config;
        var logPath = context.Options.Logs.InstanceLog(pod, name, action.RestartCount);
        try
        {
            config = context.Configs.Build(pod, container, action.RestartCount, runtime.Volumes, runtime.PodDirectory, logPath);
        }
        catch (ContainerConfigError e)
        {
            record(new Lifecycle.PodEvent(Lifecycle.PodEvent.Warning, "Failed", $"Error: {e.Message}", name));
            return new StartOutcome(null, new StartFailure(StartFailureReasons.CreateContainerConfigError, e.Message, now()));
        }

        // 3. Create.
        string id;
        try
        {
            id = await context.Containers.CreateContainerAsync(runtime.SandboxId, config, runtime.Sandbox, cancellationToken).ConfigureAwait(false);
        }
        catch (RuntimeException e)
        {
            record(new Lifecycle.PodEvent(Lifecycle.PodEvent.Warning, "Failed", $"Error: {e.Message}", name));
            return new StartOutcome(null, new StartFailure(StartFailureReasons.CreateContainerError, e.Message, now()));
        }
        record(new Lifecycle.PodEvent(Lifecycle.PodEvent.Normal, "Created", $"Created container {name}", name));

        // 4. Start.
        try
        {
            await context.Containers.StartContainerAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (RuntimeException e)
        {
            record(new Lifecycle.PodEvent(Lifecycle.PodEvent.Warning, "Failed", $"Error: {e.Message}", name));
            return new StartOutcome(id, new StartFailure(StartFailureReasons.RunContainerError, e.Message, now()));
        }
        record(new Lifecycle.PodEvent(Lifecycle.PodEvent.Normal, "Started", $"Started container {name}", name));
        context.Notifications.Publish(new ContainerStarted(pod, name, id, action.RestartCount, logPath));

        // 5. postStart, synchronously (R7a): the next step waits for it.
        if (container.Lifecycle?.PostStart is { } hook)
        {
            var outcome = await context.Handlers.RunHookAsync(hook, runtime.TargetOf(id, container), cancellationToken).ConfigureAwait(false);
            if (outcome.Result != Handlers.HandlerResult.Success)
            {
                return new StartOutcome(id, null, PostStartFailed: true) { HookMessage = outcome.Output };
            }
        }
        return new StartOutcome(id, null);
    }
}
