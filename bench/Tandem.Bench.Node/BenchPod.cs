namespace Tandem.Bench.Node;

/// <summary>
/// The measured pod: one app and two native sidecars (init containers with <c>restartPolicy: Always</c>), busybox
/// sleep loops, image present (<c>imagePullPolicy: Never</c>), no probes, so a start is only the node's own work.
/// </summary>
public static class BenchPod
{
    public const string Image = "localhost/tandem-bench/busybox:1";

    private const string Loop = "[\"sh\", \"-c\", \"while true; do sleep 1; done\"]";

    public static readonly string[] Containers = ["sidecar-1", "sidecar-2", "app"];

    public static string Manifest(string name) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
        spec:
          terminationGracePeriodSeconds: 0
          initContainers:
          - name: sidecar-1
            image: {Image}
            imagePullPolicy: Never
            restartPolicy: Always
            command: {Loop}
          - name: sidecar-2
            image: {Image}
            imagePullPolicy: Never
            restartPolicy: Always
            command: {Loop}
          containers:
          - name: app
            image: {Image}
            imagePullPolicy: Never
            command: {Loop}
        """;

    /// <summary>
    /// The same pod for podman 4.3, which has no native sidecars: its <c>kube play</c> runs init containers to
    /// completion (a sidecar's endless loop would block it forever), so the sidecars are listed as regular containers,
    /// in the same order. Everything else is identical.
    /// </summary>
    public static string PodmanManifest(string name) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
        spec:
          terminationGracePeriodSeconds: 0
          containers:
          - name: sidecar-1
            image: {Image}
            imagePullPolicy: Never
            command: {Loop}
          - name: sidecar-2
            image: {Image}
            imagePullPolicy: Never
            command: {Loop}
          - name: app
            image: {Image}
            imagePullPolicy: Never
            command: {Loop}
        """;
}
