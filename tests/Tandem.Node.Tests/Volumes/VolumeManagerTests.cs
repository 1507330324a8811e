using System.Text;
using Tandem.Model.CoreV1;
using Tandem.Node.Containers;
using Tandem.Node.Tests.Containers;
using Tandem.Node.Volumes;
using Tandem.Testing;

namespace Tandem.Node.Tests.Volumes;

public sealed class VolumeManagerTests : IDisposable
{
    private static readonly PodFacts Facts = new("tandem", "127.0.0.1", "10.0.0.7", 2, 8L << 30, 100L << 30);
    private readonly string _podDir = Directory.CreateTempSubdirectory("tandem-pod-").FullName;
    private readonly ManualTimeProvider _time = new();

    public void Dispose() => Directory.Delete(_podDir, recursive: true);

    private static Pod PodWith(params Volume[] volumes) => new()
    {
        Metadata = new() { Name = "web", Namespace = "default", Labels = new Dictionary<string, string> { ["app"] = "web" } },
        Spec = new PodSpec
        {
            Volumes = volumes,
            Containers = [new Container { Name = "main", Resources = new() { Limits = new Dictionary<string, Tandem.Model.Primitives.Quantity> { ["memory"] = Tandem.Model.Primitives.Quantity.Parse("64Mi") } } }],
        },
    };

    private VolumeManager Manager(params object[] objects) =>
        new(new VolumePayloads(new FakeObjectSource(objects), Facts), new LinuxTmpfsMounter(), _time);

    private static readonly ConfigMap Settings = new()
    {
        Metadata = new() { Name = "settings" },
        Data = new Dictionary<string, string> { ["app.conf"] = "mode=prod", ["other"] = "x" },
        BinaryData = new Dictionary<string, byte[]> { ["logo.bin"] = [1, 2, 3] },
    };

    [Fact]
    public void ConfigMap_AllKeysAsFiles_WithTheDefaultMode()
    {
        var volumes = Manager(Settings).SetUp(PodWith(new Volume { Name = "cfg", ConfigMap = new() { Name = "settings", DefaultMode = 0x1A4 } }), _podDir);

        var dir = volumes.HostPaths["cfg"];
        Assert.EndsWith("volumes/kubernetes.io~configmap/cfg", dir);
        Assert.Equal("mode=prod", File.ReadAllText(Path.Combine(dir, "app.conf")));
        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(Path.Combine(dir, "logo.bin")));
        Assert.Equal((UnixFileMode)0x1A4, File.GetUnixFileMode(Path.Combine(dir, "..data", "other")));
    }

    [Fact]
    public void Secret_ItemsPickKeysPathsAndModes()
    {
        var secret = new Secret { Metadata = new() { Name = "tls" }, Data = new Dictionary<string, byte[]> { ["tls.crt"] = "CERT"u8.ToArray(), ["tls.key"] = "KEY"u8.ToArray() } };

        var volumes = Manager(secret).SetUp(PodWith(new Volume
        {
            Name = "certs",
            Secret = new() { SecretName = "tls", DefaultMode = 420, Items = [new KeyToPath { Key = "tls.key", Path = "private/key.pem", Mode = 256 }] },
        }), _podDir);

        var dir = volumes.HostPaths["certs"];
        Assert.Equal("KEY", File.ReadAllText(Path.Combine(dir, "private", "key.pem")));
        Assert.Equal((UnixFileMode)256, File.GetUnixFileMode(Path.Combine(dir, "..data", "private", "key.pem")));
        Assert.False(File.Exists(Path.Combine(dir, "tls.crt")));
    }

    [Fact]
    public void MissingObjectsAndKeys_FailWithTheKubeletsWords_UnlessOptional()
    {
        var missing = Assert.Throws<VolumeSetupError>(() => Manager().SetUp(PodWith(new Volume { Name = "cfg", ConfigMap = new() { Name = "absent" } }), _podDir));
        var badKey = Assert.Throws<VolumeSetupError>(() => Manager(Settings).SetUp(PodWith(new Volume { Name = "cfg", ConfigMap = new() { Name = "settings", Items = [new KeyToPath { Key = "nope", Path = "n" }] } }), _podDir));
        var optional = Manager().SetUp(PodWith(new Volume { Name = "cfg", ConfigMap = new() { Name = "absent", Optional = true } }), _podDir);

        Assert.Equal("MountVolume.SetUp failed for volume \"cfg\" : configmap \"absent\" not found", missing.EventMessage);
        Assert.Equal("configmap references non-existent config key: nope", badKey.Message);
        Assert.Empty(Directory.EnumerateFiles(optional.HostPaths["cfg"]));
    }

    [Fact]
    public void DownwardApi_WritesPodFieldsAndResources()
    {
        var volumes = Manager().SetUp(PodWith(new Volume
        {
            Name = "info",
            DownwardAPI = new()
            {
                Items =
                [
                    new DownwardApiVolumeFile { Path = "labels", FieldRef = new() { FieldPath = "metadata.labels" } },
                    new DownwardApiVolumeFile { Path = "name", FieldRef = new() { FieldPath = "metadata.name" } },
                    new DownwardApiVolumeFile { Path = "mem", ResourceFieldRef = new() { ContainerName = "main", Resource = "limits.memory", Divisor = Tandem.Model.Primitives.Quantity.Parse("1Mi") } },
                ],
            },
        }), _podDir);

        var dir = volumes.HostPaths["info"];
        Assert.Equal("app=\"web\"", File.ReadAllText(Path.Combine(dir, "labels")));
        Assert.Equal("web", File.ReadAllText(Path.Combine(dir, "name")));
        Assert.Equal("64", File.ReadAllText(Path.Combine(dir, "mem")));
    }

    [Fact]
    public void Projected_MergesSourcesIntoOneDirectory()
    {
        var secret = new Secret { Metadata = new() { Name = "token" }, StringData = new Dictionary<string, string> { ["token"] = "t" } };

        var volumes = Manager(Settings, secret).SetUp(PodWith(new Volume
        {
            Name = "all",
            Projected = new()
            {
                Sources =
                [
                    new VolumeProjection { ConfigMap = new() { Name = "settings", Items = [new KeyToPath { Key = "app.conf", Path = "app.conf" }] } },
                    new VolumeProjection { Secret = new() { Name = "token" } },
                    new VolumeProjection { DownwardAPI = new() { Items = [new DownwardApiVolumeFile { Path = "ns", FieldRef = new() { FieldPath = "metadata.namespace" } }] } },
                ],
            },
        }), _podDir);

        var dir = volumes.HostPaths["all"];
        Assert.Equal(["app.conf", "ns", "token"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).Where(n => !n!.StartsWith("..", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Refresh_RewritesOnlyVolumesWhoseObjectsChanged()
    {
        var pod = PodWith(new Volume { Name = "cfg", ConfigMap = new() { Name = "settings" } }, new Volume { Name = "info", DownwardAPI = new() { Items = [new DownwardApiVolumeFile { Path = "n", FieldRef = new() { FieldPath = "metadata.name" } }] } });
        var before = Manager(Settings).SetUp(pod, _podDir);
        var changed = Settings with { Data = new Dictionary<string, string> { ["app.conf"] = "mode=dev" } };

        _time.Advance(TimeSpan.FromSeconds(2));
        var updated = Manager(changed).Refresh(pod, _podDir);

        Assert.Equal(["cfg"], updated);
        Assert.Equal("mode=dev", File.ReadAllText(Path.Combine(before.HostPaths["cfg"], "app.conf")));
        Assert.False(File.Exists(Path.Combine(before.HostPaths["cfg"], "other")));
    }

    [Fact]
    public void EmptyDir_IsWritableByEveryone_AndTearDownRemovesIt()
    {
        var manager = Manager();
        var volumes = manager.SetUp(PodWith(new Volume { Name = "scratch", EmptyDir = new() }), _podDir);

        Assert.Equal((UnixFileMode)0b111_111_111, File.GetUnixFileMode(volumes.HostPaths["scratch"]));
        manager.TearDown(_podDir);
        Assert.False(Directory.Exists(Path.Combine(_podDir, "volumes")));
        manager.TearDown(_podDir);
    }

    [PrerequisiteFact("root")]
    public void EmptyDirInMemory_IsATmpfsOfTheSizeLimit_AndIsUnmountedOnTearDown()
    {
        Prerequisites.Require("root");
        var manager = Manager();
        var volumes = manager.SetUp(PodWith(new Volume { Name = "mem", EmptyDir = new() { Medium = "Memory", SizeLimit = Tandem.Model.Primitives.Quantity.Parse("4Mi") } }), _podDir);
        var dir = volumes.HostPaths["mem"];

        var mount = File.ReadAllLines("/proc/self/mountinfo").SingleOrDefault(line => line.Split(' ')[4] == dir);
        Assert.NotNull(mount);
        Assert.Contains(" - tmpfs ", mount);
        Assert.Contains("size=4096k", mount);

        manager.TearDown(_podDir);
        Assert.DoesNotContain(File.ReadAllLines("/proc/self/mountinfo"), line => line.Split(' ')[4] == dir);
    }

    [Fact]
    public void VolumesThatNeedACluster_FailClearly()
    {
        var error = Assert.Throws<VolumeSetupError>(() => Manager().SetUp(PodWith(new Volume { Name = "db", PersistentVolumeClaim = new() { ClaimName = "pvc" } }), _podDir));

        Assert.Contains("needs a Kubernetes cluster", error.Message);
    }
}
