using Tandem.Model.CoreV1;

namespace Tandem.Model.Tests.Validation;

public sealed class VolumeMountValidatorTests
{
    private static Pod WithMounts(params VolumeMount[] mounts) =>
        TestPods.WithSpec(s => s with { Volumes = [TestPods.EmptyDir("data"), TestPods.EmptyDir("cache")], Containers = [s.Containers![0] with { VolumeMounts = mounts }] });

    [Fact]
    public void Mount_OfADeclaredVolume_IsValid() =>
        TestPods.AssertValid(WithMounts(new VolumeMount { Name = "data", MountPath = "/data", SubPath = "web/logs" }));

    [Fact]
    public void Mount_OfAnUndeclaredVolume_IsNotFound() =>
        TestPods.AssertErrors(WithMounts(new VolumeMount { Name = "logs", MountPath = "/logs" }), "spec.containers[0].volumeMounts[0].name: Not found: \"logs\"");

    [Fact]
    public void Mount_WithoutMountPath_IsRequired() =>
        TestPods.AssertErrors(WithMounts(new VolumeMount { Name = "data" }), "spec.containers[0].volumeMounts[0].mountPath: Required value");

    [Fact]
    public void Mount_PathUsedTwice_MustBeUnique() =>
        TestPods.AssertErrors(
            WithMounts(new VolumeMount { Name = "data", MountPath = "/data" }, new VolumeMount { Name = "cache", MountPath = "/data" }),
            "spec.containers[0].volumeMounts[1].mountPath: Invalid value: \"/data\": must be unique");

    [Fact]
    public void Mount_AbsoluteSubPath_IsInvalid() =>
        TestPods.AssertErrors(
            WithMounts(new VolumeMount { Name = "data", MountPath = "/data", SubPath = "/etc" }),
            "spec.containers[0].volumeMounts.subPath: Invalid value: \"/etc\": must be a relative path");

    [Fact]
    public void Mount_SubPathWithBackstep_IsInvalid() =>
        TestPods.AssertErrors(
            WithMounts(new VolumeMount { Name = "data", MountPath = "/data", SubPath = "a/../../etc" }),
            "spec.containers[0].volumeMounts.subPath: Invalid value: \"a/../../etc\": must not contain '..'");

    [Fact]
    public void Mount_SubPathAndSubPathExpr_AreMutuallyExclusive() =>
        TestPods.AssertErrors(
            WithMounts(new VolumeMount { Name = "data", MountPath = "/data", SubPath = "a", SubPathExpr = "$(POD_NAME)" }),
            "spec.containers[0].volumeMounts[0].subPathExpr: Invalid value: \"$(POD_NAME)\": subPathExpr and subPath are mutually exclusive");

    [Fact]
    public void Mount_SubPathExpr_FollowsTheSubPathRules()
    {
        TestPods.AssertValid(WithMounts(new VolumeMount { Name = "data", MountPath = "/data", SubPathExpr = "$(POD_NAME)" }));
        TestPods.AssertErrors(
            WithMounts(new VolumeMount { Name = "data", MountPath = "/data", SubPathExpr = "/$(POD_NAME)" }),
            "spec.containers[0].volumeMounts.subPathExpr: Invalid value: \"/$(POD_NAME)\": must be a relative path");
    }

    [Fact]
    public void Mount_BidirectionalPropagation_NeedsPrivilege() =>
        TestPods.AssertErrors(
            WithMounts(new VolumeMount { Name = "data", MountPath = "/data", MountPropagation = "Bidirectional" }),
            "spec.containers[0].volumeMounts.mountPropagation: Forbidden: Bidirectional mount propagation is available only to privileged containers");

    [Fact]
    public void Mount_RecursiveReadOnly_NeedsReadOnly() =>
        TestPods.AssertErrors(
            WithMounts(new VolumeMount { Name = "data", MountPath = "/data", RecursiveReadOnly = "Enabled" }),
            "spec.containers[0].volumeMounts.recursiveReadOnly: Forbidden: may only be specified when readOnly is true");

    [Fact]
    public void Mount_OfAnInvalidVolume_IsNotFound() =>
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with
            {
                Volumes = [new Volume { Name = "Data", EmptyDir = new EmptyDirVolumeSource() }],
                Containers = [s.Containers![0] with { VolumeMounts = [new VolumeMount { Name = "Data", MountPath = "/data" }] }],
            }),
            "spec.volumes[0].name: Invalid value: \"Data\": " + Messages.Dns1123Label,
            "spec.containers[0].volumeMounts[0].name: Not found: \"Data\"");

    [Fact]
    public void Mount_UnknownPropagation_IsUnsupported() =>
        TestPods.AssertErrors(
            WithMounts(new VolumeMount { Name = "data", MountPath = "/data", MountPropagation = "Shared" }),
            "spec.containers[0].volumeMounts.mountPropagation: Unsupported value: \"Shared\": supported values: \"Bidirectional\", \"HostToContainer\", \"None\"");

    [Fact]
    public void Mount_UnknownRecursiveReadOnly_IsUnsupported()
    {
        TestPods.AssertValid(WithMounts(new VolumeMount { Name = "data", MountPath = "/data", ReadOnly = true, RecursiveReadOnly = "IfPossible" }));
        TestPods.AssertErrors(
            WithMounts(new VolumeMount { Name = "data", MountPath = "/data", RecursiveReadOnly = "Always" }),
            "spec.containers[0].volumeMounts.recursiveReadOnly: Unsupported value: \"Always\": supported values: \"Disabled\", \"Enabled\", \"IfPossible\"");
    }

    [Fact]
    public void Mount_SubPathOfAnImageVolume_IsInvalid() =>
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with
            {
                Volumes = [new Volume { Name = "models", Image = new ImageVolumeSource { Reference = "registry.local/models:1", PullPolicy = "IfNotPresent" } }],
                Containers = [s.Containers![0] with { VolumeMounts = [new VolumeMount { Name = "models", MountPath = "/models", SubPath = "llm" }] }],
            }),
            "spec.containers[0].volumeMounts[0].subPath: Invalid value: \"llm\": not allowed in image volume sources");

    [Fact]
    public void Device_MustUseAClaim_AndNotClashWithMounts()
    {
        TestPods.AssertValid(TestPods.WithSpec(s => s with
        {
            Volumes = [new Volume { Name = "disk", PersistentVolumeClaim = new PersistentVolumeClaimVolumeSource { ClaimName = "disk" } }],
            Containers = [s.Containers![0] with { VolumeDevices = [new VolumeDevice { Name = "disk", DevicePath = "/dev/xvda" }] }],
        }));
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with
            {
                Volumes = [TestPods.EmptyDir("data")],
                Containers = [s.Containers![0] with
                {
                    VolumeMounts = [new VolumeMount { Name = "data", MountPath = "/dev/xvda" }],
                    VolumeDevices = [new VolumeDevice { Name = "data", DevicePath = "/dev/xvda" }],
                }],
            }),
            "spec.containers[0].volumeMounts[0].name: Invalid value: \"data\": must not already exist in volumeDevices",
            "spec.containers[0].volumeMounts[0].mountPath: Invalid value: \"/dev/xvda\": must not already exist as a path in volumeDevices",
            "spec.containers[0].volumeDevices[0].name: Invalid value: \"data\": can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode",
            "spec.containers[0].volumeDevices[0].name: Invalid value: \"data\": must not already exist in volumeMounts",
            "spec.containers[0].volumeDevices[0].devicePath: Invalid value: \"/dev/xvda\": must not already exist as a path in volumeMounts");
    }

    [Fact]
    public void Device_OfAnUndeclaredVolume_IsNotFound() =>
        TestPods.AssertErrors(
            TestPods.WithContainer(c => c with { VolumeDevices = [new VolumeDevice { Name = "disk", DevicePath = "/dev/../xvda" }] }),
            "spec.containers[0].volumeDevices[0].name: Not found: \"disk\"",
            "spec.containers[0].volumeDevices[0].devicePath: Invalid value: \"/dev/../xvda\": can not contain backsteps ('..')");
}
