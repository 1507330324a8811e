using Tandem.Model.CoreV1;

namespace Tandem.Model.Tests.Validation;

public sealed class ProjectedVolumeValidatorTests
{
    private static DownwardApiVolumeFile LabelsFile(string path) =>
        new() { Path = path, FieldRef = new ObjectFieldSelector { ApiVersion = "v1", FieldPath = "metadata.labels" } };

    [Fact]
    public void DownwardApi_PodFieldFile_IsValid() =>
        TestPods.AssertValid(TestPods.WithVolumes(new Volume { Name = "info", DownwardAPI = new DownwardApiVolumeSource { Items = [LabelsFile("labels")] } }));

    [Fact]
    public void DownwardApi_UnsupportedFieldPath_IsUnsupported() =>
        TestPods.AssertErrors(
            TestPods.WithVolumes(new Volume
            {
                Name = "info",
                DownwardAPI = new DownwardApiVolumeSource { Items = [new DownwardApiVolumeFile { Path = "node", FieldRef = new ObjectFieldSelector { ApiVersion = "v1", FieldPath = "spec.nodeName" } }] },
            }),
            "spec.volumes[0].downwardAPI.fieldRef.fieldPath: Unsupported value: \"spec.nodeName\": supported values: \"metadata.annotations\", \"metadata.labels\", \"metadata.name\", \"metadata.namespace\", \"metadata.uid\"");

    [Fact]
    public void DownwardApi_FileWithoutPathOrSource_IsRequired() =>
        TestPods.AssertErrors(
            TestPods.WithVolumes(new Volume { Name = "info", DownwardAPI = new DownwardApiVolumeSource { Items = [new DownwardApiVolumeFile()] } }),
            "spec.volumes[0].downwardAPI.path: Required value",
            "spec.volumes[0].downwardAPI: Required value: one of fieldRef and resourceFieldRef is required");

    [Fact]
    public void DownwardApi_ResourceFile_NeedsAContainerName() =>
        TestPods.AssertErrors(
            TestPods.WithVolumes(new Volume
            {
                Name = "info",
                DownwardAPI = new DownwardApiVolumeSource { Items = [new DownwardApiVolumeFile { Path = "cpu", ResourceFieldRef = new ResourceFieldSelector { Resource = "limits.cpu" } }] },
            }),
            "spec.volumes[0].downwardAPI.resourceFieldRef.containerName: Required value");

    [Fact]
    public void Projected_SourceWithTwoTypes_IsForbidden() =>
        TestPods.AssertErrors(
            TestPods.WithVolumes(new Volume
            {
                Name = "all",
                Projected = new ProjectedVolumeSource
                {
                    Sources = [new VolumeProjection { Secret = new SecretProjection { Name = "s" }, ConfigMap = new ConfigMapProjection { Name = "c" } }],
                },
            }),
            "spec.volumes[0].projected.sources[0]: Forbidden: may not specify more than 1 volume type per source");

    [Fact]
    public void Projected_SamePathTwice_Conflicts()
    {
        TestPods.AssertValid(TestPods.WithVolumes(new Volume
        {
            Name = "all",
            Projected = new ProjectedVolumeSource
            {
                Sources =
                [
                    new VolumeProjection { Secret = new SecretProjection { Name = "s", Items = [new KeyToPath { Key = "k", Path = "a" }] } },
                    new VolumeProjection { DownwardAPI = new DownwardApiProjection { Items = [LabelsFile("b")] } },
                ],
            },
        }));
        TestPods.AssertErrors(
            TestPods.WithVolumes(new Volume
            {
                Name = "all",
                Projected = new ProjectedVolumeSource
                {
                    Sources =
                    [
                        new VolumeProjection { Secret = new SecretProjection { Name = "s", Items = [new KeyToPath { Key = "k", Path = "a" }] } },
                        new VolumeProjection { ConfigMap = new ConfigMapProjection { Name = "c", Items = [new KeyToPath { Key = "k", Path = "a" }] } },
                    ],
                },
            }),
            "spec.volumes[0].projected: Invalid value: \"c\": conflicting duplicate paths");
    }

    [Fact]
    public void Projected_TokenShorterThanTenMinutes_IsInvalid() =>
        TestPods.AssertErrors(
            TestPods.WithVolumes(new Volume
            {
                Name = "token",
                Projected = new ProjectedVolumeSource { Sources = [new VolumeProjection { ServiceAccountToken = new ServiceAccountTokenProjection { Path = "token", ExpirationSeconds = 60 } }] },
            }),
            "spec.volumes[0].projected.sources[0].serviceAccountToken.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes");

    [Fact]
    public void Projected_DefaultMode_MustBeAtMost0777() =>
        TestPods.AssertErrors(
            TestPods.WithVolumes(new Volume { Name = "p", Projected = new ProjectedVolumeSource { DefaultMode = 1000, Sources = [] } }),
            "spec.volumes[0].projected.defaultMode: Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive");

    [Fact]
    public void Projected_TokenWithoutPath_IsRequiredOnTheVolume() =>
        TestPods.AssertErrors(
            TestPods.WithVolumes(new Volume
            {
                Name = "token",
                Projected = new ProjectedVolumeSource { Sources = [new VolumeProjection { ServiceAccountToken = new ServiceAccountTokenProjection { ExpirationSeconds = 3600 } }] },
            }),
            "spec.volumes[0].projected.path: Required value");

    [Fact]
    public void Projected_SecretWithoutName_IsRequired() =>
        TestPods.AssertErrors(
            TestPods.WithVolumes(new Volume { Name = "p", Projected = new ProjectedVolumeSource { Sources = [new VolumeProjection { Secret = new SecretProjection() }] } }),
            "spec.volumes[0].projected.sources[0].secret.name: Required value");
}
