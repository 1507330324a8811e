using Tandem.Model.CoreV1;
using Tandem.Model.Images;
using Tandem.Model.Primitives;

namespace Tandem.Model.Defaulting;

/// <summary>
/// The defaults the API server fills in when a Pod is created (kubernetes
/// <c>pkg/apis/core/v1/defaults.go</c>), as a pure function: the input is not changed. Runs before
/// validation, exactly as in the API server, so validation sees what will be stored.
/// </summary>
public static class PodDefaults
{
    public const string DefaultTerminationMessagePath = "/dev/termination-log";
    public const long DefaultTerminationGracePeriodSeconds = 30;

    /// <summary>0644, the default file mode of secret, configMap, downwardAPI and projected volumes.</summary>
    public const int DefaultVolumeFileMode = 420;

    public static Pod Apply(Pod pod)
    {
        var spec = pod.Spec ?? new PodSpec();
        var hostNetwork = spec.HostNetwork == true;
        return pod with
        {
            ApiVersion = pod.ApiVersion ?? "v1",
            Kind = pod.Kind ?? Pod.KindName,
            Spec = spec with
            {
                RestartPolicy = spec.RestartPolicy ?? "Always",
                // A negative grace period is stored as 1, as the API server's pod strategy does
                // (it would otherwise mean "kill now" to some clients and "invalid" to others).
                TerminationGracePeriodSeconds = spec.TerminationGracePeriodSeconds is < 0 ? 1 : spec.TerminationGracePeriodSeconds ?? DefaultTerminationGracePeriodSeconds,
                DnsPolicy = spec.DnsPolicy ?? "ClusterFirst",
                SecurityContext = spec.SecurityContext ?? new PodSecurityContext(),
                SchedulerName = spec.SchedulerName ?? "default-scheduler",
                EnableServiceLinks = spec.EnableServiceLinks ?? true,
                Volumes = spec.Volumes?.Select(VolumeDefaults.Apply).ToList(),
                InitContainers = spec.InitContainers?.Select(c => ContainerDefaults.Apply(c, hostNetwork)).ToList(),
                Containers = spec.Containers?.Select(c => ContainerDefaults.Apply(c, hostNetwork)).ToList(),
            },
        };
    }

    /// <summary>The pull policy the API server picks from the image: Always for <c>:latest</c> or no tag.</summary>
    public static string PullPolicyFor(string? image) =>
        ImageReference.TryParse(image)?.EffectiveTag == "latest" || image is null ? "Always" : "IfNotPresent";

    internal static IReadOnlyDictionary<string, Quantity>? RequestsFromLimits(ResourceRequirements? resources)
    {
        if (resources?.Limits is not { Count: > 0 } limits)
        {
            return resources?.Requests;
        }
        // A limit with no request makes the request equal to the limit (SetDefaults_Pod).
        var requests = resources.Requests is null ? new Dictionary<string, Quantity>() : new Dictionary<string, Quantity>(resources.Requests);
        foreach (var (name, limit) in limits)
        {
            requests.TryAdd(name, limit);
        }
        return requests;
    }
}
