using Tandem.Model.CoreV1;
using Tandem.Model.Primitives;

namespace Tandem.Node.Status;

/// <summary>
/// The pod's quality-of-service class (<c>pkg/apis/core/v1/helper/qos GetPodQOS</c>), set in <c>status.qosClass</c>
/// when the pod is admitted: BestEffort without any cpu or memory request or limit, Guaranteed when every container
/// limits both and requests exactly its limits, Burstable otherwise.
/// </summary>
public static class PodQos
{
    private static readonly string[] Resources = ["cpu", "memory"];

    public static string Classify(PodSpec spec)
    {
        var containers = (spec.InitContainers ?? []).Concat(spec.Containers ?? []).ToList();
        var any = false;
        var guaranteed = true;
        foreach (var container in containers)
        {
            var requests = Relevant(container.Resources?.Requests);
            var limits = Relevant(container.Resources?.Limits);
            any |= requests.Count > 0 || limits.Count > 0;
            if (limits.Count != Resources.Length)
            {
                guaranteed = false;
                continue;
            }
            foreach (var (name, request) in requests)
            {
                if (request != limits[name])
                {
                    guaranteed = false;
                }
            }
        }
        return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
    }

    private static Dictionary<string, Quantity> Relevant(IReadOnlyDictionary<string, Quantity>? values) =>
        (values ?? new Dictionary<string, Quantity>()).Where(v => Resources.Contains(v.Key) && !v.Value.IsZero).ToDictionary(v => v.Key, v => v.Value);
}
