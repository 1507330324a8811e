using Tandem.Model.CoreV1;

namespace Tandem.Model.Validation;

/// <summary>
/// Regular and init containers (validation.go <c>validateContainers</c>, <c>validateInitContainers</c>,
/// <c>validateContainerCommon</c>), including the sidecar rules R1–R3 of the sidecar spec.
/// </summary>
internal static class ContainerValidator
{
    private const string InitWithoutAlways = "may not be set for init containers without restartPolicy=Always";

    private static readonly string[] TerminationMessagePolicies = ["File", "FallbackToLogsOnError"];
    private static readonly string[] PullPolicies = ["Always", "IfNotPresent", "Never"];

    /// <summary><c>validateContainers</c>: at least one; names unique; R1: no restartPolicy; host ports unique across all.</summary>
    public static IEnumerable<FieldError> Containers(IReadOnlyList<Container>? containers, PodValidationContext context, FieldPath path)
    {
        if (containers is null || containers.Count == 0)
        {
            return [FieldError.Required(path)];
        }
        var errors = new List<FieldError>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < containers.Count; i++)
        {
            var container = containers[i] ?? new Container();
            var containerPath = path.Index(i);
            errors.AddRange(Common(container, context, containerPath));
            // R3: unique among regular containers; clashes with init containers are reported there.
            if (!names.Add(container.Name ?? ""))
            {
                errors.Add(FieldError.Duplicate(containerPath.Child("name"), container.Name ?? ""));
            }
            errors.AddRange(LifecycleAndProbes(container, context, containerPath));
            // R1: restartPolicy marks a sidecar, so only init containers may have it.
            if (container.RestartPolicy is not null)
            {
                errors.Add(FieldError.Forbidden(containerPath.Child("restartPolicy"), "may not be set for non-init containers"));
            }
        }
        errors.AddRange(PortValidator.UniqueHostPorts(containers, path));
        return errors;
    }

    /// <summary>
    /// <c>validateInitContainers</c>: R1 (restartPolicy only Always), R2 (lifecycle and probes only on
    /// sidecars), R3 (names unique across init and regular containers). Host ports are checked per
    /// init container, since they run one at a time.
    /// </summary>
    public static IEnumerable<FieldError> InitContainers(
        IReadOnlyList<Container>? initContainers, IReadOnlyList<Container>? containers, PodValidationContext context, FieldPath path)
    {
        var errors = new List<FieldError>();
        var names = new HashSet<string>((containers ?? []).Select(c => c?.Name ?? ""), StringComparer.Ordinal);
        for (var i = 0; i < (initContainers?.Count ?? 0); i++)
        {
            var container = initContainers![i] ?? new Container();
            var containerPath = path.Index(i);
            errors.AddRange(Common(container, context, containerPath));
            var isSidecar = false;
            if (container.RestartPolicy is { } restartPolicy)
            {
                if (restartPolicy != "Always")
                {
                    errors.Add(FieldError.NotSupported(containerPath.Child("restartPolicy"), restartPolicy, ["Always"]));
                }
                isSidecar = restartPolicy == "Always";
            }
            var name = container.Name ?? "";
            if (names.Contains(name))
            {
                errors.Add(FieldError.Duplicate(containerPath.Child("name"), name));
            }
            else if (name.Length > 0)
            {
                names.Add(name);
            }
            // The API server checks each init container as a list of one, so a clash is reported at
            // index 0 whatever the container's position; kept for identical output.
            errors.AddRange(PortValidator.UniqueHostPorts([container], path));
            if (isSidecar)
            {
                errors.AddRange(LifecycleAndProbes(container, context, containerPath));
                continue;
            }
            foreach (var (field, value) in new (string, object?)[]
            {
                ("lifecycle", container.Lifecycle), ("livenessProbe", container.LivenessProbe),
                ("readinessProbe", container.ReadinessProbe), ("startupProbe", container.StartupProbe),
            })
            {
                if (value is not null)
                {
                    errors.Add(FieldError.Forbidden(containerPath.Child(field), InitWithoutAlways));
                }
            }
        }
        return errors;
    }

    /// <summary><c>validateContainerOnlyForPod</c>: checked for pods, not for templates, after the spec.</summary>
    public static IEnumerable<FieldError> ImageWhitespace(IReadOnlyList<Container>? containers, FieldPath path)
    {
        for (var i = 0; i < (containers?.Count ?? 0); i++)
        {
            var image = containers![i]?.Image ?? "";
            if (image.Length != image.Trim().Length)
            {
                yield return FieldError.Invalid(path.Index(i).Child("image"), image, "must not have leading or trailing whitespace");
            }
        }
    }

    /// <summary><c>validatePullPolicy</c>.</summary>
    public static IEnumerable<FieldError> PullPolicy(string? policy, FieldPath path, ValidationOptions options)
    {
        if (string.IsNullOrEmpty(policy))
        {
            if (options.DefaultsApplied)
            {
                yield return FieldError.Required(path);
            }
        }
        else if (!PullPolicies.Contains(policy))
        {
            yield return FieldError.NotSupported(path, policy, PullPolicies);
        }
    }

    /// <summary><c>validateContainerCommon</c>: what every kind of container must satisfy.</summary>
    private static IEnumerable<FieldError> Common(Container container, PodValidationContext context, FieldPath path)
    {
        var errors = new List<FieldError>();
        var options = context.Options;
        var name = container.Name ?? "";
        if (name.Length == 0)
        {
            errors.Add(FieldError.Required(path.Child("name")));
        }
        else
        {
            errors.AddRange(NameRules.Dns1123Label(name).Select(message => FieldError.Invalid(path.Child("name"), name, message)));
        }
        if (string.IsNullOrEmpty(container.Image))
        {
            errors.Add(FieldError.Required(path.Child("image")));
        }
        var messagePolicy = container.TerminationMessagePolicy;
        if (string.IsNullOrEmpty(messagePolicy))
        {
            if (options.DefaultsApplied)
            {
                errors.Add(FieldError.Required(path.Child("terminationMessagePolicy")));
            }
        }
        else if (!TerminationMessagePolicies.Contains(messagePolicy))
        {
            errors.Add(FieldError.NotSupported(path.Child("terminationMessagePolicy"), messagePolicy, TerminationMessagePolicies));
        }
        errors.AddRange(PortValidator.ContainerPorts(container.Ports, path.Child("ports"), options));
        errors.AddRange(EnvValidator.Env(container.Env, path.Child("env"), options));
        errors.AddRange(EnvValidator.EnvFrom(container.EnvFrom, path.Child("envFrom"), options));
        errors.AddRange(VolumeMountValidator.Mounts(container, context.Volumes, path.Child("volumeMounts")));
        errors.AddRange(VolumeMountValidator.Devices(container, context.Volumes, path.Child("volumeDevices")));
        errors.AddRange(PullPolicy(container.ImagePullPolicy, path.Child("imagePullPolicy"), options));
        errors.AddRange(ResourceValidator.Container(container.Resources, path.Child("resources")));
        errors.AddRange(SecurityContextValidator.Container(container.SecurityContext, path.Child("securityContext"), context.HostUsers));
        return errors;
    }

    /// <summary>Hooks and probes of a regular container or a sidecar (R2, R4).</summary>
    private static IEnumerable<FieldError> LifecycleAndProbes(Container container, PodValidationContext context, FieldPath path)
    {
        var errors = new List<FieldError>();
        if (container.Lifecycle is { } lifecycle)
        {
            errors.AddRange(HandlerValidator.Lifecycle(lifecycle, context.GracePeriod, path.Child("lifecycle"), context.Options));
        }
        errors.AddRange(ProbeValidator.Liveness(container.LivenessProbe, path.Child("livenessProbe"), context.Options));
        errors.AddRange(ProbeValidator.Readiness(container.ReadinessProbe, path.Child("readinessProbe"), context.Options));
        errors.AddRange(ProbeValidator.Startup(container.StartupProbe, path.Child("startupProbe"), context.Options));
        return errors;
    }
}
