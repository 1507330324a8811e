using Tandem.Model.CoreV1;
using Tandem.Model.Meta;
using Tandem.Server.Tables;

namespace Tandem.Server.Tests.Tables;

public sealed class PodTablePrinterTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static Pod Pod(PodStatus status, params Container[] init) => new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "default", CreationTimestamp = Now.AddSeconds(-16) },
        Spec = new PodSpec { Containers = [new Container { Name = "nginx" }, new Container { Name = "sidecar" }], InitContainers = init, NodeName = "node1" },
        Status = status,
    };

    private static ContainerStatus Running(string name, bool ready = true, int restarts = 0) => new()
    {
        Name = name,
        Ready = ready,
        RestartCount = restarts,
        Started = true,
        State = new ContainerState { Running = new ContainerStateRunning { StartedAt = Now.AddSeconds(-10) } },
    };

    private static ContainerStatus Waiting(string name, string reason) =>
        new() { Name = name, State = new ContainerState { Waiting = new ContainerStateWaiting { Reason = reason } } };

    private static ContainerStatus Terminated(string name, int exitCode, string? reason = null, int? signal = null) =>
        new() { Name = name, State = new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = exitCode, Reason = reason, Signal = signal } } };

    private static PodCondition Condition(string type, string status, string? reason = null) => new() { Type = type, Status = status, Reason = reason };

    private static IReadOnlyList<object> Cells(Pod pod) => PodTablePrinter.Row(pod, Now).Cells;

    [Fact]
    public void RunningPod_HasAllNineCells()
    {
        var pod = Pod(new PodStatus
        {
            Phase = "Running",
            PodIPs = [new PodIp { Ip = "10.244.0.5" }],
            ContainerStatuses = [Running("nginx"), Running("sidecar")],
        });
        Assert.Equal(["web", "2/2", "Running", "0", "16s", "10.244.0.5", "node1", "<none>", "<none>"], Cells(pod));
    }

    [Fact]
    public void PendingPod_WithoutStatuses_IsZeroReady()
    {
        var pod = Pod(new PodStatus { Phase = "Pending" }) with { Spec = new PodSpec { Containers = [new Container { Name = "a" }, new Container { Name = "b" }] } };
        Assert.Equal(["web", "0/2", "Pending", "0", "16s", "<none>", "<none>", "<none>", "<none>"], Cells(pod));
    }

    [Fact]
    public void Restarts_ShowTheLatestTerminationAge()
    {
        var crashed = Running("nginx", restarts: 3) with
        {
            LastState = new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = 1, FinishedAt = Now.AddSeconds(-45) } },
        };
        var older = Running("sidecar", restarts: 1) with
        {
            LastState = new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = 1, FinishedAt = Now.AddMinutes(-5) } },
        };
        var pod = Pod(new PodStatus { Phase = "Running", ContainerStatuses = [crashed, older] });
        Assert.Equal("4 (45s ago)", Cells(pod)[3]);
    }

    [Fact]
    public void WaitingReason_OfTheFirstContainerWins()
    {
        var pod = Pod(new PodStatus { Phase = "Running", ContainerStatuses = [Waiting("nginx", "CrashLoopBackOff"), Waiting("sidecar", "ImagePullBackOff")] });
        Assert.Equal("CrashLoopBackOff", Cells(pod)[2]);
        Assert.Equal("0/2", Cells(pod)[1]);
    }

    [Theory]
    [InlineData(0, null, null, "Completed")]
    [InlineData(137, null, 9, "Signal:9")]
    [InlineData(2, null, null, "ExitCode:2")]
    [InlineData(1, "Error", null, "Error")]
    public void TerminatedContainer_SetsTheReason(int exitCode, string? reason, int? signal, string expected)
    {
        var terminated = Terminated("nginx", exitCode, reason ?? (exitCode == 0 ? "Completed" : null), signal);
        var pod = Pod(new PodStatus { Phase = "Running", ContainerStatuses = [terminated, Terminated("sidecar", 0, "Completed")] });
        Assert.Equal(expected, Cells(pod)[2]);
    }

    [Theory]
    [InlineData("True", "Running")]
    [InlineData("False", "NotReady")]
    public void CompletedWithARunningContainer_IsRunningOrNotReady(string ready, string expected)
    {
        var pod = Pod(new PodStatus
        {
            Phase = "Running",
            Conditions = [Condition("Ready", ready)],
            ContainerStatuses = [Terminated("nginx", 0, "Completed"), Running("sidecar")],
        });
        Assert.Equal(expected, Cells(pod)[2]);
        Assert.Equal("1/2", Cells(pod)[1]);
    }

    [Fact]
    public void InitContainers_ShowProgress()
    {
        var init = new[] { new Container { Name = "a" }, new Container { Name = "b" } };
        var pod = Pod(new PodStatus
        {
            Phase = "Pending",
            InitContainerStatuses = [Terminated("a", 0, "Completed"), Waiting("b", "PodInitializing")],
            ContainerStatuses = [Waiting("nginx", "PodInitializing"), Waiting("sidecar", "PodInitializing")],
        }, init);
        Assert.Equal("Init:1/2", Cells(pod)[2]);
    }

    [Theory]
    [InlineData(1, null, null, "Init:ExitCode:1")]
    [InlineData(137, null, 9, "Init:Signal:9")]
    [InlineData(1, "Error", null, "Init:Error")]
    public void FailedInitContainer_SetsInitReason(int exitCode, string? reason, int? signal, string expected)
    {
        var pod = Pod(new PodStatus { Phase = "Pending", InitContainerStatuses = [Terminated("a", exitCode, reason, signal)] }, new Container { Name = "a" });
        Assert.Equal(expected, Cells(pod)[2]);
    }

    [Fact]
    public void WaitingInitContainer_SetsInitReason()
    {
        var pod = Pod(new PodStatus { Phase = "Pending", InitContainerStatuses = [Waiting("a", "ErrImagePull")] }, new Container { Name = "a" });
        Assert.Equal("Init:ErrImagePull", Cells(pod)[2]);
    }

    [Fact]
    public void StartedSidecar_CountsTowardsReadyAndTotal()
    {
        var sidecar = new Container { Name = "proxy", RestartPolicy = "Always" };
        var proxyStatus = Running("proxy", restarts: 2) with
        {
            LastState = new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = 1, FinishedAt = Now.AddMinutes(-3) } },
        };
        var pod = Pod(new PodStatus
        {
            Phase = "Running",
            Conditions = [Condition("Initialized", "True")],
            InitContainerStatuses = [Terminated("setup", 0, "Completed") with { RestartCount = 5 }, proxyStatus],
            ContainerStatuses = [Running("nginx"), Running("sidecar")],
        }, new Container { Name = "setup" }, sidecar);
        // Restarts of the finished init container are dropped once the pod is initialized; the sidecar's stay.
        Assert.Equal(["web", "3/3", "Running", "2 (3m ago)"], Cells(pod).Take(4));
    }

    [Fact]
    public void SchedulingGated_OverridesThePhase()
    {
        var pod = Pod(new PodStatus { Phase = "Pending", Conditions = [Condition("PodScheduled", "False", "SchedulingGated")] });
        Assert.Equal("SchedulingGated", Cells(pod)[2]);
    }

    [Fact]
    public void Deleting_IsTerminatingUnlessFinishedOrNodeLost()
    {
        var running = Pod(new PodStatus { Phase = "Running", ContainerStatuses = [Running("nginx"), Running("sidecar")] });
        var deleting = running with { Metadata = running.Metadata! with { DeletionTimestamp = Now } };
        Assert.Equal("Terminating", Cells(deleting)[2]);
        Assert.Equal("Unknown", Cells(deleting with { Status = deleting.Status! with { Reason = "NodeLost" } })[2]);
        var succeeded = deleting with { Status = new PodStatus { Phase = "Succeeded" } };
        Assert.Equal("Succeeded", Cells(succeeded)[2]);
        var row = PodTablePrinter.Row(succeeded, Now);
        Assert.Equal("Succeeded", Assert.Single(row.Conditions!).Reason);
    }

    [Fact]
    public void StatusReason_OverridesThePhase()
    {
        var pod = Pod(new PodStatus { Phase = "Failed", Reason = "Evicted" });
        Assert.Equal("Evicted", Cells(pod)[2]);
    }

    [Fact]
    public void ReadinessGates_CountTrueConditions()
    {
        var gates = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["conditionType"] = "example.com/a" },
            new System.Text.Json.Nodes.JsonObject { ["conditionType"] = "example.com/b" });
        var pod = Pod(new PodStatus { Phase = "Running", NominatedNodeName = "n2", Conditions = [Condition("example.com/a", "True"), Condition("example.com/b", "False")] });
        pod = pod with { Spec = pod.Spec! with { ReadinessGates = gates } };
        Assert.Equal(["n2", "1/2"], Cells(pod).Skip(7));
    }

    [Fact]
    public void Columns_AreTheUpstreamNineWithWideOnesAtPriorityOne()
    {
        Assert.Equal(["Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node", "Readiness Gates"], PodTablePrinter.Columns.Select(c => c.Name));
        Assert.Equal([0, 0, 0, 0, 0, 1, 1, 1, 1], PodTablePrinter.Columns.Select(c => c.Priority));
        Assert.Equal("name", PodTablePrinter.Columns[0].Format);
    }
}
