using System.Text.Json;
using System.Text.Json.Nodes;
using Tandem.Model.CoreV1;
using Tandem.Model.Serialization;

namespace Tandem.Model.Tests.Serialization;

public sealed class JsonRoundTripTests
{
    // A pod as `kubectl get pod -o json` prints it (trimmed to the fields Tandem models), with
    // status, quantities, IntOrString ports, times and a native sidecar.
    private const string ServerPod = """
        {
          "apiVersion": "v1",
          "kind": "Pod",
          "metadata": {
            "name": "web",
            "namespace": "default",
            "uid": "4f6a2c1e-0c55-4a5e-9b9e-2b1f0e6c7d11",
            "resourceVersion": "1234",
            "creationTimestamp": "2026-01-02T03:04:05Z",
            "labels": {"app": "web"},
            "annotations": {"note": "x"}
          },
          "spec": {
            "volumes": [{"name": "www", "emptyDir": {"medium": "Memory", "sizeLimit": "64Mi"}},
                        {"name": "cfg", "configMap": {"name": "cfg", "defaultMode": 420, "items": [{"key": "a", "path": "a.conf"}]}}],
            "initContainers": [{
              "name": "proxy", "image": "busybox:1.36", "restartPolicy": "Always",
              "ports": [{"name": "http", "containerPort": 8080, "protocol": "TCP"}],
              "startupProbe": {"tcpSocket": {"port": "http"}, "timeoutSeconds": 1, "periodSeconds": 1, "successThreshold": 1, "failureThreshold": 30},
              "resources": {"limits": {"cpu": "500m", "memory": "128Mi"}, "requests": {"cpu": "100m", "memory": "64Mi"}},
              "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File", "imagePullPolicy": "IfNotPresent"
            }],
            "containers": [{
              "name": "main", "image": "busybox:1.36", "command": ["httpd", "-f"], "args": ["-p", "80"],
              "env": [{"name": "POD", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.name"}}},
                      {"name": "MEM", "valueFrom": {"resourceFieldRef": {"containerName": "main", "resource": "limits.memory", "divisor": "1Mi"}}}],
              "livenessProbe": {"httpGet": {"path": "/", "port": 80, "scheme": "HTTP"}, "timeoutSeconds": 1, "periodSeconds": 10, "successThreshold": 1, "failureThreshold": 3},
              "lifecycle": {"preStop": {"sleep": {"seconds": 5}}},
              "volumeMounts": [{"name": "www", "mountPath": "/www"}, {"name": "cfg", "mountPath": "/etc/app", "readOnly": true}],
              "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File", "imagePullPolicy": "IfNotPresent"
            }],
            "restartPolicy": "Never",
            "terminationGracePeriodSeconds": 30,
            "dnsPolicy": "ClusterFirst",
            "securityContext": {},
            "schedulerName": "default-scheduler",
            "tolerations": [{"key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300}],
            "enableServiceLinks": true
          },
          "status": {
            "phase": "Running",
            "conditions": [{"type": "Ready", "status": "True", "lastProbeTime": null, "lastTransitionTime": "2026-01-02T03:04:09Z"}],
            "hostIP": "127.0.0.1", "podIP": "10.88.0.2", "podIPs": [{"ip": "10.88.0.2"}],
            "startTime": "2026-01-02T03:04:05Z",
            "initContainerStatuses": [{"name": "proxy", "state": {"running": {"startedAt": "2026-01-02T03:04:06Z"}}, "lastState": {}, "ready": true, "restartCount": 0, "image": "busybox:1.36", "imageID": "sha256:abc", "containerID": "runc://1", "started": true}],
            "containerStatuses": [{"name": "main", "state": {"terminated": {"exitCode": 0, "reason": "Completed", "startedAt": "2026-01-02T03:04:07Z", "finishedAt": "2026-01-02T03:04:08Z", "containerID": "runc://2"}}, "lastState": {}, "ready": false, "restartCount": 0, "image": "busybox:1.36", "imageID": "", "started": false}],
            "qosClass": "Burstable"
          }
        }
        """;

    [Fact]
    public void Pod_FromTheApiServer_RoundTripsToTheSameJson()
    {
        var pod = JsonSerializer.Deserialize(ServerPod, KubernetesJsonContext.Default.Pod)!;
        var written = JsonSerializer.Serialize(pod, KubernetesJsonContext.Default.Pod);

        var expected = JsonNode.Parse(ServerPod)!;
        // The API server writes explicit nulls for unset times; Tandem omits them: same meaning.
        expected["status"]!["conditions"]![0]!.AsObject().Remove("lastProbeTime");
        // Empty strings keep their meaning only where the field is not omitempty (imageID).
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(written)), written);
    }

    [Fact]
    public void Quantities_AreWrittenInCanonicalForm()
    {
        var pod = JsonSerializer.Deserialize("""
            {"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"name":"a","resources":{"limits":{"cpu":0.5,"memory":"1.5Gi"},"requests":{"cpu":"1000m"}}}]}}
            """, KubernetesJsonContext.Default.Pod)!;

        var json = JsonSerializer.Serialize(pod, KubernetesJsonContext.Default.Pod);

        Assert.Contains("\"limits\":{\"cpu\":\"500m\",\"memory\":\"1536Mi\"}", json);
        Assert.Contains("\"requests\":{\"cpu\":\"1\"}", json);
    }

    [Fact]
    public void Times_AreWrittenAsRfc3339InUtc()
    {
        var pod = new Pod { Metadata = new() { CreationTimestamp = new DateTimeOffset(2026, 5, 6, 9, 8, 7, TimeSpan.FromHours(2)) } };

        var json = JsonSerializer.Serialize(pod, KubernetesJsonContext.Default.Pod);

        Assert.Contains("\"creationTimestamp\":\"2026-05-06T07:08:07Z\"", json);
    }

    [Fact]
    public void EmptyFields_AreOmitted()
    {
        var json = JsonSerializer.Serialize(new Pod { Spec = new PodSpec { Containers = [new Container { Name = "a" }] } }, KubernetesJsonContext.Default.Pod);

        Assert.Equal("""{"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"name":"a"}]}}""", json);
    }

    [Fact]
    public void ContainerStatus_AlwaysWritesReadyAndRestartCount()
    {
        var json = JsonSerializer.Serialize(new ContainerStatus { Name = "a" }, KubernetesJsonContext.Default.ContainerStatus);

        Assert.Equal("""{"name":"a","ready":false,"restartCount":0}""", json);
    }
}
