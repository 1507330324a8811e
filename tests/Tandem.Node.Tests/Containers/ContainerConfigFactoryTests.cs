using Tandem.Model.CoreV1;
using Tandem.Model.Meta;
using Tandem.Model.Primitives;
using Tandem.Node.Containers;
using Tandem.Node.Volumes;

namespace Tandem.Node.Tests.Containers;

public sealed class ContainerConfigFactoryTests
{
    private readonly RecordingSubPaths _subPaths = new();

    [Fact]
    public void CommandAndArgs_AreExpandedFromTheEnvironment()
    {
        var container = MainContainer() with
        {
            Command = ["sh", "-c", "echo $(GREETING) $(MISSING)"],
            Args = ["$$(GREETING)"],
            Env = [new EnvVar { Name = "GREETING", Value = "hello" }],
        };

        var config = Build(Pod(container), container);

        Assert.Equal(["sh", "-c", "echo hello $(MISSING)"], config.Command);
        Assert.Equal(["$(GREETING)"], config.Args);
    }

    [Fact]
    public void Mounts_OfProjectedVolumes_AreReadOnly_OthersAsAsked()
    {
        var container = MainContainer() with
        {
            VolumeMounts =
            [
                new VolumeMount { Name = "work", MountPath = "/work" },
                new VolumeMount { Name = "config", MountPath = "/config" },
                new VolumeMount { Name = "cache", MountPath = "/cache", ReadOnly = true },
            ],
        };
        var pod = Pod(container) with
        {
            Spec = Pod(container).Spec! with
            {
                Volumes =
                [
                    new Volume { Name = "work", EmptyDir = new EmptyDirVolumeSource() },
                    new Volume { Name = "config", ConfigMap = new ConfigMapVolumeSource { Name = "settings" } },
                    new Volume { Name = "cache", EmptyDir = new EmptyDirVolumeSource() },
                ],
            },
        };

        var config = Build(pod, container);

        Assert.Equal([("/host/work", "/work", false), ("/host/config", "/config", true), ("/host/cache", "/cache", true)],
            config.Mounts.Select(m => (m.HostPath, m.ContainerPath, m.ReadOnly)));
    }

    [Fact]
    public void SubPathExpr_IsExpandedFromTheContainersEnvironment_AndPreparedSafely()
    {
        var container = MainContainer() with
        {
            Env = [new EnvVar { Name = "POD", Value = "web-1" }],
            VolumeMounts = [new VolumeMount { Name = "work", MountPath = "/logs", SubPathExpr = "logs/$(POD)" }],
        };

        var config = Build(Pod(container), container);

        var prepared = Assert.Single(_subPaths.Prepared);
        Assert.Equal(("/host/work", "logs/web-1"), (prepared.Volume, prepared.SubPath));
        Assert.Equal(prepared.Target, config.Mounts[0].HostPath);
        Assert.EndsWith("/volume-subpaths/work/main/0", prepared.Target, StringComparison.Ordinal);
    }

    [Fact]
    public void SubPathExpr_ThatExpandsOutOfTheVolume_IsAConfigError()
    {
        var container = MainContainer() with
        {
            Env = [new EnvVar { Name = "WHERE", Value = "../../etc" }],
            VolumeMounts = [new VolumeMount { Name = "work", MountPath = "/x", SubPathExpr = "$(WHERE)" }],
        };

        var error = Assert.Throws<ContainerConfigError>(() => Build(Pod(container), container));

        Assert.Contains("not a relative path inside the volume", error.Message);
        Assert.Empty(_subPaths.Prepared);
    }

    [Fact]
    public void Limits_BecomeCgroupValues_AndARequestDefaultsToItsLimit()
    {
        var container = MainContainer() with
        {
            Resources = new ResourceRequirements { Limits = new Dictionary<string, Quantity> { ["cpu"] = Quantity.Parse("250m"), ["memory"] = Quantity.Parse("64Mi") } },
        };

        var resources = Build(Pod(container), container).Resources;

        Assert.Equal((250L, 250L, 64L * 1024 * 1024), (resources.CpuLimitMillis!.Value, resources.CpuRequestMillis!.Value, resources.MemoryLimitBytes!.Value));
    }

    [Fact]
    public void SecurityContext_OfTheContainer_WinsOverThePods()
    {
        var container = MainContainer() with { SecurityContext = new SecurityContext { RunAsUser = 1000, Capabilities = new Capabilities { Drop = ["ALL"] } } };
        var pod = Pod(container) with
        {
            Spec = Pod(container).Spec! with { SecurityContext = new PodSecurityContext { RunAsUser = 2000, RunAsGroup = 3000, FsGroup = 4000, SupplementalGroups = [5000] } },
        };

        var security = Build(pod, container).Security;

        Assert.Equal(1000, security.RunAsUser);
        Assert.Equal(3000, security.RunAsGroup);
        Assert.Equal([5000L, 4000L], security.SupplementalGroups);
        Assert.Equal(["ALL"], security.DropCapabilities);
    }

    private Runtime.ContainerConfig Build(Pod pod, Container container)
    {
        var facts = new PodFacts("tandem", "127.0.0.1", "127.0.0.1", 2, 1L << 30, 1L << 34);
        var factory = new ContainerConfigFactory(new EnvironmentBuilder(new FakeObjectSource(), facts), _subPaths);
        var volumes = new PodVolumes((pod.Spec!.Volumes ?? []).ToDictionary(v => v.Name!, v => "/host/" + v.Name));
        return factory.Build(pod, container, 0, volumes, "/pods/u1", "/logs/0.log");
    }

    private static Container MainContainer() => new() { Name = "main", Image = "busybox:1.36" };

    private static Pod Pod(Container container) => new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "default", Uid = "u1" },
        Spec = new PodSpec { Containers = [container], Volumes = [new Volume { Name = "work", EmptyDir = new EmptyDirVolumeSource() }] },
    };

    private sealed class RecordingSubPaths : ISubPathMounter
    {
        public List<(string Volume, string SubPath, string Target)> Prepared { get; } = [];

        public string Prepare(string volumeRoot, string subPath, string target)
        {
            Prepared.Add((volumeRoot, subPath, target));
            return target;
        }

        public void CleanUp(string podDirectory)
        {
        }
    }
}
