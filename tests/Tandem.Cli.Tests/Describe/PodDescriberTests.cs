using System.Text.Json;
using Tandem.Cli.Describe;
using Tandem.Model.CoreV1;
using Tandem.Model.Serialization;

namespace Tandem.Cli.Tests.Describe;

public sealed class PodDescriberTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-22T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    // A running pod with a native sidecar that restarted twice, as the node reports it.
    private static Pod WebPod() => JsonSerializer.Deserialize("""
        {"apiVersion":"v1","kind":"Pod",
         "metadata":{"name":"web","namespace":"default","uid":"u-1","creationTimestamp":"2026-11-22T09:58:00Z",
           "labels":{"tier":"front","app":"web"},
           "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}","note":"hello"}},
         "spec":{"nodeName":"tandem","priority":0,"serviceAccountName":"default",
           "initContainers":[{"name":"proxy","image":"busybox","restartPolicy":"Always",
             "readinessProbe":{"httpGet":{"path":"/ready","port":9901,"scheme":"HTTP"},"timeoutSeconds":1,"periodSeconds":10,"successThreshold":1,"failureThreshold":3}}],
           "containers":[{"name":"main","image":"busybox","command":["sh","-c","sleep 3600"],
             "ports":[{"containerPort":80,"protocol":"TCP"}],
             "env":[{"name":"MODE","value":"demo"},{"name":"POD","valueFrom":{"fieldRef":{"apiVersion":"v1","fieldPath":"metadata.name"}}}],
             "volumeMounts":[{"name":"data","mountPath":"/data"},{"name":"config","mountPath":"/etc/app","readOnly":true}]}],
           "volumes":[{"name":"data","emptyDir":{}},{"name":"config","configMap":{"name":"app-config"}}],
           "tolerations":[{"key":"node.kubernetes.io/not-ready","operator":"Exists","effect":"NoExecute","tolerationSeconds":300}]},
         "status":{"phase":"Running","hostIP":"10.0.0.1","podIP":"10.88.0.5","podIPs":[{"ip":"10.88.0.5"}],
           "startTime":"2026-11-22T09:58:00Z","qosClass":"BestEffort",
           "conditions":[{"type":"Initialized","status":"True"},{"type":"Ready","status":"True"},{"type":"ContainersReady","status":"True"},{"type":"PodScheduled","status":"True"}],
           "initContainerStatuses":[{"name":"proxy","image":"busybox","imageID":"sha256:abc","containerID":"runc://p1","ready":true,"started":true,"restartCount":2,
             "state":{"running":{"startedAt":"2026-11-22T09:59:00Z"}},
             "lastState":{"terminated":{"exitCode":137,"reason":"Error","startedAt":"2026-11-22T09:58:10Z","finishedAt":"2026-11-22T09:58:59Z"}}}],
           "containerStatuses":[{"name":"main","image":"busybox","imageID":"sha256:abc","containerID":"runc://m1","ready":true,"started":true,"restartCount":0,
             "state":{"running":{"startedAt":"2026-11-22T09:58:05Z"}}}]}}
        """, KubernetesJsonContext.Default.Pod)!;

    private static Event PodEvent(string reason, string message, string type, string first, string last, int count, string? fieldPath = null) => new()
    {
        Metadata = new() { Name = "web." + reason, Namespace = "default" },
        InvolvedObject = new() { Kind = "Pod", Name = "web", Namespace = "default", Uid = "u-1", FieldPath = fieldPath },
        Reason = reason,
        Message = message,
        Type = type,
        Source = new() { Component = "kubelet", Host = "tandem" },
        FirstTimestamp = DateTimeOffset.Parse(first, System.Globalization.CultureInfo.InvariantCulture),
        LastTimestamp = DateTimeOffset.Parse(last, System.Globalization.CultureInfo.InvariantCulture),
        Count = count,
    };

    private static string Time(string iso) => DescribeWriter.Time(DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void RunningPodWithSidecar_IsDescribedInKubectlsLayout()
    {
        var events = new[]
        {
            PodEvent("BackOff", "Back-off restarting failed container proxy", "Warning", "2026-11-22T09:58:30Z", "2026-11-22T09:59:00Z", 2, "spec.initContainers{proxy}"),
            PodEvent("Scheduled", "Successfully assigned default/web to tandem", "Normal", "2026-11-22T09:58:00Z", "2026-11-22T09:58:00Z", 1),
        };

        var text = PodDescriber.Describe(WebPod(), events, Now);

        Assert.Equal(
            $"""
            Name:             web
            Namespace:        default
            Priority:         0
            Service Account:  default
            Node:             tandem/10.0.0.1
            Start Time:       {Time("2026-11-22T09:58:00Z")}
            Labels:           app=web
                              tier=front
            Annotations:      note: hello
            Status:           Running
            IP:               10.88.0.5
            IPs:
              IP:  10.88.0.5
            Init Containers:
              proxy:
                Container ID:    runc://p1
                Image:           busybox
                Image ID:        sha256:abc
                Port:            <none>
                Host Port:       <none>
                Restart Policy:  Always
                State:           Running
                  Started:       {Time("2026-11-22T09:59:00Z")}
                Last State:      Terminated
                  Reason:        Error
                  Exit Code:     137
                  Started:       {Time("2026-11-22T09:58:10Z")}
                  Finished:      {Time("2026-11-22T09:58:59Z")}
                Ready:           True
                Restart Count:   2
                Readiness:       http-get http://:9901/ready delay=0s timeout=1s period=10s #success=1 #failure=3
                Environment:     <none>
                Mounts:          <none>
            Containers:
              main:
                Container ID:  runc://m1
                Image:         busybox
                Image ID:      sha256:abc
                Port:          80/TCP
                Host Port:     0/TCP
                Command:
                  sh
                  -c
                  sleep 3600
                State:          Running
                  Started:      {Time("2026-11-22T09:58:05Z")}
                Ready:          True
                Restart Count:  0
                Environment:
                  MODE:  demo
                  POD:   web (v1:metadata.name)
                Mounts:
                  /data from data (rw)
                  /etc/app from config (ro)
            Conditions:
              Type              Status
              Initialized       True 
              Ready             True 
              ContainersReady   True 
              PodScheduled      True 
            Volumes:
              data:
                Type:       EmptyDir (a temporary directory that shares a pod's lifetime)
                Medium:     
                SizeLimit:  <unset>
              config:
                Type:        ConfigMap (a volume populated by a ConfigMap)
                Name:        app-config
                Optional:    false
            QoS Class:       BestEffort
            Node-Selectors:  <none>
            Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
            Events:
              Type     Reason     Age                From     Message
              ----     ------     ----               ----     -------
              Normal   Scheduled  2m                 kubelet  Successfully assigned default/web to tandem
              Warning  BackOff    60s (x2 over 90s)  kubelet  Back-off restarting failed container proxy

            """.Replace("\r", "", StringComparison.Ordinal),
            text);
    }

    [Fact]
    public void PodWithoutStatusOrEvents_SaysNone()
    {
        var pod = new Pod
        {
            Metadata = new() { Name = "new", Namespace = "default" },
            Spec = new() { Containers = [new Container { Name = "main", Image = "busybox" }] },
        };

        var text = PodDescriber.Describe(pod, [], Now);

        Assert.Contains("Node:         <none>\n", text, StringComparison.Ordinal);
        Assert.Contains("IPs:          <none>\n", text, StringComparison.Ordinal);
        Assert.Contains("Labels:       <none>\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("State:", text, StringComparison.Ordinal);
        // Events aligns with the block above it, as in kubectl (the tabwriter block runs from the container lines on).
        Assert.EndsWith("Events:           <none>\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TerminatingPod_ShowsHowLongAndTheGracePeriod()
    {
        var pod = WebPod();
        pod = pod with { Metadata = pod.Metadata! with { DeletionTimestamp = Now.AddSeconds(-3), DeletionGracePeriodSeconds = 30 } };

        var text = PodDescriber.Describe(pod, null, Now);

        Assert.Contains("Status:                    Terminating (lasts 3s)\n", text, StringComparison.Ordinal);
        Assert.Contains("Termination Grace Period:  30s\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WaitingAndTerminatedContainers_ShowReasonsAndExitCodes()
    {
        var pod = WebPod();
        var statuses = new[]
        {
            pod.Status!.ContainerStatuses![0] with
            {
                Ready = false,
                State = new ContainerState { Waiting = new ContainerStateWaiting { Reason = "CrashLoopBackOff" } },
                LastState = new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = 3, Reason = "Error", Signal = 9, StartedAt = Now.AddMinutes(-1), FinishedAt = Now } },
                RestartCount = 4,
            },
        };
        pod = pod with { Status = pod.Status with { ContainerStatuses = statuses } };

        var text = PodDescriber.Describe(pod, null, Now);

        Assert.Contains("    State:          Waiting\n      Reason:       CrashLoopBackOff\n", text, StringComparison.Ordinal);
        Assert.Contains("    Last State:     Terminated\n      Reason:       Error\n      Exit Code:    3\n      Signal:       9\n", text, StringComparison.Ordinal);
        Assert.Contains("    Ready:          False\n    Restart Count:  4\n", text, StringComparison.Ordinal);
    }
}
