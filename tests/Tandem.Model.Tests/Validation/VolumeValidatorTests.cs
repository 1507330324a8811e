using System.Text.Json.Nodes;
using Tandem.Model.CoreV1;
using Tandem.Model.Primitives;
using Tandem.Model.Validation;

namespace Tandem.Model.Tests.Validation;

public sealed class VolumeValidatorTests
{
    [Fact]
    public void Volume_WithoutName_IsRequired() =>
        TestPods.AssertErrors(TestPods.WithVolumes(new Volume { EmptyDir = new EmptyDirVolumeSource() }), "spec.volumes[0].name: Required value");

    [Fact]
    public void Volume_DuplicateName_IsDuplicate()
    {
        TestPods.AssertValid(TestPods.WithVolumes(TestPods.EmptyDir("a"), TestPods.EmptyDir("b")));
        TestPods.AssertErrors(TestPods.WithVolumes(TestPods.EmptyDir("a"), TestPods.EmptyDir("a")), "spec.volumes[1].name: Duplicate value: \"a\"");
    }

    [Fact]
    public void Volume_WithoutSource_IsRequiredAfterDefaulting()
    {
        TestPods.AssertErrors(TestPods.WithVolumes(new Volume { Name = "a" }), "spec.volumes[0]: Required value: must specify a volume type");
        TestPods.AssertValid(TestPods.WithVolumes(new Volume { Name = "a" }), new ValidationOptions { DefaultsApplied = false });
    }

    [Fact]
    public void Volume_WithTwoSources_ForbidsTheSecond() =>
        TestPods.AssertErrors(
            TestPods.WithVolumes(new Volume { Name = "a", EmptyDir = new EmptyDirVolumeSource(), HostPath = new HostPathVolumeSource { Path = "/tmp" } }),
            "spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type");

    [Fact]
    public void Volume_SourcesTandemCannotRun_AreStillValid() =>
        TestPods.AssertValid(TestPods.WithVolumes(
            new Volume { Name = "nfs", Nfs = new JsonObject { ["server"] = "nas", ["path"] = "/export" } },
            new Volume { Name = "csi", Csi = new JsonObject { ["driver"] = "x" } },
            new Volume { Name = "claim", PersistentVolumeClaim = new PersistentVolumeClaimVolumeSource { ClaimName = "data" } }));

    [Fact]
    public void PersistentVolumeClaim_WithoutClaimName_IsRequired() =>
        TestPods.AssertErrors(
            TestPods.WithVolumes(new Volume { Name = "claim", PersistentVolumeClaim = new PersistentVolumeClaimVolumeSource() }),
            "spec.volumes[0].persistentVolumeClaim.claimName: Required value");

    [Fact]
    public void HostPath_Type_MustBeKnown()
    {
        TestPods.AssertValid(TestPods.WithVolumes(new Volume { Name = "sock", HostPath = new HostPathVolumeSource { Path = "/run/x.sock", Type = "Socket" } }));
        TestPods.AssertErrors(
            TestPods.WithVolumes(new Volume { Name = "sock", HostPath = new HostPathVolumeSource { Path = "/run/x.sock", Type = "Pipe" } }),
            "spec.volumes[0].hostPath.type: Unsupported value: \"Pipe\": supported values: \"\", \"BlockDevice\", \"CharDevice\", \"Directory\", \"DirectoryOrCreate\", \"File\", \"FileOrCreate\", \"Socket\"");
    }

    [Fact]
    public void HostPath_PathIsRequiredAndWithoutBacksteps()
    {
        TestPods.AssertErrors(TestPods.WithVolumes(new Volume { Name = "h", HostPath = new HostPathVolumeSource() }), "spec.volumes[0].hostPath.path: Required value");
        TestPods.AssertErrors(
            TestPods.WithVolumes(new Volume { Name = "h", HostPath = new HostPathVolumeSource { Path = "/var/../etc" } }),
            "spec.volumes[0].hostPath.path: Invalid value: \"/var/../etc\": must not contain '..'");
    }

    [Fact]
    public void EmptyDir_NegativeSizeLimit_IsForbidden()
    {
        TestPods.AssertValid(TestPods.WithVolumes(new Volume { Name = "a", EmptyDir = new EmptyDirVolumeSource { Medium = "Memory", SizeLimit = Quantity.Parse("64Mi") } }));
        TestPods.AssertErrors(
            TestPods.WithVolumes(new Volume { Name = "a", EmptyDir = new EmptyDirVolumeSource { SizeLimit = Quantity.Parse("-1") } }),
            "spec.volumes[0].emptyDir.sizeLimit: Forbidden: SizeLimit field must be a valid resource quantity");
    }

    [Fact]
    public void Secret_WithoutSecretName_IsRequired() =>
        TestPods.AssertErrors(TestPods.WithVolumes(new Volume { Name = "s", Secret = new SecretVolumeSource() }), "spec.volumes[0].secret.secretName: Required value");

    [Fact]
    public void DefaultMode_MustBeAtMost0777()
    {
        TestPods.AssertValid(TestPods.WithVolumes(new Volume { Name = "s", Secret = new SecretVolumeSource { SecretName = "tls", DefaultMode = 511 } }));
        TestPods.AssertErrors(
            TestPods.WithVolumes(new Volume { Name = "c", ConfigMap = new ConfigMapVolumeSource { Name = "settings", DefaultMode = 512 } }),
            "spec.volumes[0].configMap.defaultMode: Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive");
    }

    [Fact]
    public void Items_NeedKeyAndLocalPath()
    {
        TestPods.AssertValid(TestPods.WithVolumes(new Volume { Name = "c", ConfigMap = new ConfigMapVolumeSource { Name = "settings", Items = [new KeyToPath { Key = "a", Path = "conf/a.ini", Mode = 256 }] } }));
        TestPods.AssertErrors(
            TestPods.WithVolumes(new Volume { Name = "c", ConfigMap = new ConfigMapVolumeSource { Name = "settings", Items = [new KeyToPath { Path = "..data/a", Mode = -1 }] } }),
            "spec.volumes[0].configMap.items[0].key: Required value",
            "spec.volumes[0].configMap.items[0].path: Invalid value: \"..data/a\": must not start with '..'",
            "spec.volumes[0].configMap.items[0].mode: Invalid value: -1: must be a number between 0 and 0777 (octal), both inclusive");
    }

    [Fact]
    public void Items_AbsolutePath_IsInvalid() =>
        TestPods.AssertErrors(
            TestPods.WithVolumes(new Volume { Name = "s", Secret = new SecretVolumeSource { SecretName = "tls", Items = [new KeyToPath { Key = "crt", Path = "/tls.crt" }] } }),
            "spec.volumes[0].secret.items[0].path: Invalid value: \"/tls.crt\": must be a relative path");

    [Fact]
    public void ImageVolume_NeedsAReference() =>
        TestPods.AssertErrors(
            TestPods.WithVolumes(new Volume { Name = "models", Image = new ImageVolumeSource { PullPolicy = "IfNotPresent" } }),
            "spec.volumes[0].image.reference: Required value");
}
