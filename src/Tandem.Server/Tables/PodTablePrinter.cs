using System.Globalization;
using System.Text.Json.Nodes;
using Tandem.Model.CoreV1;

namespace Tandem.Server.Tables;

/// <summary>
/// The pod table of <c>kubectl get pods</c>: the columns and cells of upstream <c>printPod</c>
/// (pkg/printers/internalversion/printers.go, the sidecar-aware 1.29+ version). All nine cells are always
/// produced; kubectl hides the priority-1 ones unless <c>-o wide</c>.
/// </summary>
public static class PodTablePrinter
{
    public static IReadOnlyList<TableColumn> Columns { get; } =
    [
        ObjectMetaDescriptions.NameColumn,
        TableColumn.Text("Ready", "The aggregate readiness state of this pod for accepting traffic."),
        TableColumn.Text("Status", "The aggregate status of the containers in this pod."),
        TableColumn.Text("Restarts", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
        ObjectMetaDescriptions.AgeColumn,
        TableColumn.Text("IP", "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.", 1),
        TableColumn.Text("Node", "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename", 1),
        TableColumn.Text("Nominated Node", "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot schedule right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.", 1),
        TableColumn.Text("Readiness Gates", "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates", 1),
    ];

    private static readonly IReadOnlyList<TableRowCondition> Succeeded =
        [new("Completed", "True", "Succeeded", "The pod has completed successfully.")];

    private static readonly IReadOnlyList<TableRowCondition> Failed =
        [new("Completed", "True", "Failed", "The pod failed.")];

    public static Table Print(IEnumerable<Pod> pods, TimeProvider time, string? resourceVersion = null)
    {
        var now = time.GetUtcNow();
        return new Table(Columns, [.. pods.Select(pod => Row(pod, now))]) { ResourceVersion = resourceVersion };
    }

    public static TableRow Row(Pod pod, DateTimeOffset now)
    {
        var spec = pod.Spec ?? new PodSpec();
        var status = pod.Status ?? new PodStatus();
        var phase = status.Phase ?? "";
        var counts = new PodCounts();
        var reason = string.IsNullOrEmpty(status.Reason) ? phase : status.Reason;
        if (status.Conditions?.Any(c => c.Type == "PodScheduled" && c.Reason == "SchedulingGated") == true)
        {
            reason = "SchedulingGated";
        }
        var initContainers = spec.InitContainers ?? [];
        var total = (spec.Containers?.Count ?? 0) + initContainers.Count(IsSidecar);
        var initializing = counts.WalkInitContainers(initContainers, status.InitContainerStatuses ?? [], ref reason);
        if (!initializing || HasTrueCondition(status, "Initialized"))
        {
            counts.WalkContainers(status.ContainerStatuses ?? [], ref reason);
            if (reason == "Completed" && counts.HasRunning)
            {
                reason = HasTrueCondition(status, "Ready") ? "Running" : "NotReady";
            }
        }
        if (pod.Metadata?.DeletionTimestamp is not null)
        {
            if (status.Reason == "NodeLost")
            {
                reason = "Unknown";
            }
            else if (phase is not ("Succeeded" or "Failed"))
            {
                reason = "Terminating";
            }
        }
        var restarts = counts.Restarts.ToString(CultureInfo.InvariantCulture);
        if (counts.Restarts != 0 && counts.LastRestart is { } last)
        {
            restarts += $" ({HumanDuration.Since(last, now)} ago)";
        }
        object[] cells =
        [
            pod.Metadata?.Name ?? "",
            $"{counts.Ready}/{total}",
            reason,
            restarts,
            HumanDuration.Since(pod.Metadata?.CreationTimestamp, now),
            NoneIfEmpty(status.PodIPs is [var first, ..] ? first.Ip : null),
            NoneIfEmpty(spec.NodeName),
            NoneIfEmpty(status.NominatedNodeName),
            ReadinessGates(spec.ReadinessGates, status),
        ];
        var conditions = phase switch { "Succeeded" => Succeeded, "Failed" => Failed, _ => null };
        return new TableRow(cells, pod, conditions);
    }

    internal static bool IsSidecar(Container? container) => container?.RestartPolicy == "Always";

    private static bool HasTrueCondition(PodStatus status, string type) =>
        status.Conditions?.Any(c => c.Type == type && c.Status == "True") == true;

    private static string NoneIfEmpty(string? value) => string.IsNullOrEmpty(value) ? "<none>" : value;

    private static string ReadinessGates(JsonArray? gates, PodStatus status)
    {
        if (gates is null || gates.Count == 0)
        {
            return "<none>";
        }
        var ready = 0;
        foreach (var gate in gates)
        {
            var type = gate?["conditionType"]?.GetValue<string>();
            // Only the first condition of the gate's type counts, as upstream.
            if (status.Conditions?.FirstOrDefault(c => c.Type == type) is { Status: "True" })
            {
                ready++;
            }
        }
        return $"{ready}/{gates.Count}";
    }
}
