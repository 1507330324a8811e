using Tandem.Model.CoreV1;
using Tandem.Model.Defaulting;
using Tandem.Model.Primitives;

namespace Tandem.Model.Tests.Defaulting;

public sealed class PodDefaultsTests
{
    private static Pod PodWith(params Container[] containers) =>
        new() { Metadata = new() { Name = "p" }, Spec = new PodSpec { Containers = containers } };

    [Fact]
    public void Apply_FillsThePodLevelDefaults()
    {
        var spec = PodDefaults.Apply(PodWith(new Container { Name = "a", Image = "busybox:1.36" })).Spec!;

        Assert.Equal("Always", spec.RestartPolicy);
        Assert.Equal(30, spec.TerminationGracePeriodSeconds);
        Assert.Equal("ClusterFirst", spec.DnsPolicy);
        Assert.Equal("default-scheduler", spec.SchedulerName);
        Assert.True(spec.EnableServiceLinks);
        Assert.NotNull(spec.SecurityContext);
    }

    [Fact]
    public void Apply_KeepsWhatWasWritten()
    {
        var pod = PodWith(new Container { Name = "a", Image = "x:1" }) with { };
        pod = pod with { Spec = pod.Spec! with { RestartPolicy = "Never", TerminationGracePeriodSeconds = 5 } };

        var spec = PodDefaults.Apply(pod).Spec!;

        Assert.Equal("Never", spec.RestartPolicy);
        Assert.Equal(5, spec.TerminationGracePeriodSeconds);
    }

    [Theory]
    [InlineData("busybox", "Always")]
    [InlineData("busybox:latest", "Always")]
    [InlineData("busybox:1.36", "IfNotPresent")]
    [InlineData("localhost:5000/app", "Always")]
    [InlineData("localhost:5000/app:v2", "IfNotPresent")]
    [InlineData("busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "IfNotPresent")]
    public void Apply_PullPolicyFollowsTheTag(string image, string policy)
    {
        var container = PodDefaults.Apply(PodWith(new Container { Name = "a", Image = image })).Spec!.Containers![0];

        Assert.Equal(policy, container.ImagePullPolicy);
    }

    [Fact]
    public void Apply_FillsContainerDefaults()
    {
        var container = PodDefaults.Apply(PodWith(new Container
        {
            Name = "a",
            Image = "x:1",
            Ports = [new ContainerPort { Number = 80 }],
            Env = [new EnvVar { Name = "N", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = "metadata.name" } } }],
            LivenessProbe = new Probe { HttpGet = new HttpGetAction { Port = 80 } },
            StartupProbe = new Probe { Exec = new ExecAction { Command = ["true"] }, PeriodSeconds = 1 },
        })).Spec!.Containers![0];

        Assert.Equal("/dev/termination-log", container.TerminationMessagePath);
        Assert.Equal("File", container.TerminationMessagePolicy);
        Assert.Equal("TCP", container.Ports![0].Protocol);
        Assert.Equal("v1", container.Env![0].ValueFrom!.FieldRef!.ApiVersion);
        Assert.Equal((1, 10, 1, 3), (container.LivenessProbe!.TimeoutSeconds, container.LivenessProbe.PeriodSeconds, container.LivenessProbe.SuccessThreshold, container.LivenessProbe.FailureThreshold));
        Assert.Equal(("/", "HTTP"), (container.LivenessProbe.HttpGet!.Path, container.LivenessProbe.HttpGet.Scheme));
        Assert.Equal(1, container.StartupProbe!.PeriodSeconds);
    }

    [Fact]
    public void Apply_InitContainersAndSidecarsGetTheSameDefaults()
    {
        var pod = PodWith(new Container { Name = "main", Image = "x:1" });
        pod = pod with { Spec = pod.Spec! with { InitContainers = [new Container { Name = "side", Image = "y", RestartPolicy = "Always" }] } };

        var sidecar = PodDefaults.Apply(pod).Spec!.InitContainers![0];

        Assert.Equal("Always", sidecar.ImagePullPolicy);
        Assert.Equal("Always", sidecar.RestartPolicy);
        Assert.Equal("/dev/termination-log", sidecar.TerminationMessagePath);
    }

    [Fact]
    public void Apply_LimitsWithoutRequests_BecomeRequests()
    {
        var container = PodDefaults.Apply(PodWith(new Container
        {
            Name = "a",
            Image = "x:1",
            Resources = new ResourceRequirements
            {
                Limits = new Dictionary<string, Quantity> { ["cpu"] = Quantity.Parse("500m"), ["memory"] = Quantity.Parse("64Mi") },
                Requests = new Dictionary<string, Quantity> { ["cpu"] = Quantity.Parse("100m") },
            },
        })).Spec!.Containers![0];

        Assert.Equal("100m", container.Resources!.Requests!["cpu"].ToString());
        Assert.Equal("64Mi", container.Resources.Requests["memory"].ToString());
    }

    [Fact]
    public void Apply_HostNetwork_MakesHostPortTheContainerPort()
    {
        var pod = PodWith(new Container { Name = "a", Image = "x:1", Ports = [new ContainerPort { Number = 8080 }] });
        pod = pod with { Spec = pod.Spec! with { HostNetwork = true } };

        Assert.Equal(8080, PodDefaults.Apply(pod).Spec!.Containers![0].Ports![0].HostPort);
    }

    [Fact]
    public void Apply_Volumes_GetModesAndASourceWhenNoneIsGiven()
    {
        var pod = PodWith(new Container { Name = "a", Image = "x:1" });
        pod = pod with
        {
            Spec = pod.Spec! with
            {
                Volumes =
                [
                    new Volume { Name = "bare" },
                    new Volume { Name = "cm", ConfigMap = new ConfigMapVolumeSource { Name = "c" } },
                    new Volume { Name = "s", Secret = new SecretVolumeSource { SecretName = "s", DefaultMode = 256 } },
                ],
            },
        };

        var volumes = PodDefaults.Apply(pod).Spec!.Volumes!;

        Assert.NotNull(volumes[0].EmptyDir);
        Assert.Equal(420, volumes[1].ConfigMap!.DefaultMode);
        Assert.Equal(256, volumes[2].Secret!.DefaultMode);
    }

    [Fact]
    public void Apply_NegativeGracePeriod_BecomesOneSecond()
    {
        var pod = PodWith(new Container { Name = "a", Image = "x:1" });
        pod = pod with { Spec = pod.Spec! with { TerminationGracePeriodSeconds = -5 } };

        Assert.Equal(1, PodDefaults.Apply(pod).Spec!.TerminationGracePeriodSeconds);
    }

    [Fact]
    public void Apply_DoesNotChangeItsInput()
    {
        var pod = PodWith(new Container { Name = "a", Image = "x" });

        PodDefaults.Apply(pod);

        Assert.Null(pod.Spec!.RestartPolicy);
        Assert.Null(pod.Spec.Containers![0].ImagePullPolicy);
    }
}
