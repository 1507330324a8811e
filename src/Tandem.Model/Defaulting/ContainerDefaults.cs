using Tandem.Model.CoreV1;

namespace Tandem.Model.Defaulting;

/// <summary>Defaults of one container (SetDefaults_Container and the types it holds).</summary>
internal static class ContainerDefaults
{
    public static Container Apply(Container container, bool hostNetwork) => container with
    {
        TerminationMessagePath = container.TerminationMessagePath ?? PodDefaults.DefaultTerminationMessagePath,
        TerminationMessagePolicy = container.TerminationMessagePolicy ?? "File",
        ImagePullPolicy = container.ImagePullPolicy ?? PodDefaults.PullPolicyFor(container.Image),
        Ports = container.Ports?.Select(port => port with
        {
            Protocol = port.Protocol ?? "TCP",
            // With the host's network the container port is the host port (SetDefaults_Pod).
            HostPort = hostNetwork && (port.HostPort ?? 0) == 0 ? port.Number : port.HostPort,
        }).ToList(),
        Env = container.Env?.Select(Env).ToList(),
        Resources = container.Resources is null ? null : container.Resources with { Requests = PodDefaults.RequestsFromLimits(container.Resources) },
        LivenessProbe = Probe(container.LivenessProbe),
        ReadinessProbe = Probe(container.ReadinessProbe),
        StartupProbe = Probe(container.StartupProbe),
        Lifecycle = container.Lifecycle is null ? null : container.Lifecycle with
        {
            PostStart = Handler(container.Lifecycle.PostStart),
            PreStop = Handler(container.Lifecycle.PreStop),
        },
    };

    private static EnvVar Env(EnvVar env) =>
        env.ValueFrom?.FieldRef is { ApiVersion: null } fieldRef
            ? env with { ValueFrom = env.ValueFrom with { FieldRef = fieldRef with { ApiVersion = "v1" } } }
            : env;

    private static Probe? Probe(Probe? probe) => probe is null ? null : probe with
    {
        // R5: timeoutSeconds=1, periodSeconds=10, successThreshold=1, failureThreshold=3.
        TimeoutSeconds = probe.TimeoutSeconds ?? 1,
        PeriodSeconds = probe.PeriodSeconds ?? 10,
        SuccessThreshold = probe.SuccessThreshold ?? 1,
        FailureThreshold = probe.FailureThreshold ?? 3,
        HttpGet = HttpGet(probe.HttpGet),
    };

    private static LifecycleHandler? Handler(LifecycleHandler? handler) =>
        handler is null ? null : handler with { HttpGet = HttpGet(handler.HttpGet) };

    private static HttpGetAction? HttpGet(HttpGetAction? action) =>
        action is null ? null : action with { Path = action.Path ?? "/", Scheme = action.Scheme ?? "HTTP" };
}
