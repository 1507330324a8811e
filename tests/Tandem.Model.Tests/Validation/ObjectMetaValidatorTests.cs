using Tandem.Model.Meta;

namespace Tandem.Model.Tests.Validation;

public sealed class ObjectMetaValidatorTests
{
    private static Tandem.Model.CoreV1.Pod WithMeta(ObjectMeta meta) => TestPods.Valid() with { Metadata = meta };

    [Fact]
    public void Metadata_WithoutNameOrGenerateName_IsRequired() =>
        TestPods.AssertErrors(WithMeta(new ObjectMeta()), "metadata.name: Required value: name or generateName is required");

    [Fact]
    public void Metadata_PodNameIsDnsSubdomain()
    {
        TestPods.AssertValid(WithMeta(new ObjectMeta { Name = "web.v1" }));
        TestPods.AssertErrors(WithMeta(new ObjectMeta { Name = "Web" }), "metadata.name: Invalid value: \"Web\": " + Messages.Dns1123Subdomain);
    }

    [Fact]
    public void Metadata_GenerateName_MayEndWithDash()
    {
        TestPods.AssertValid(WithMeta(new ObjectMeta { GenerateName = "web-", Name = "web-x7k2p" }));
        TestPods.AssertErrors(WithMeta(new ObjectMeta { GenerateName = "Web-", Name = "web" }), "metadata.generateName: Invalid value: \"Web-\": " + Messages.Dns1123Subdomain);
    }

    [Fact]
    public void Metadata_NamespaceIsDnsLabel()
    {
        TestPods.AssertValid(WithMeta(new ObjectMeta { Name = "web", Namespace = "team-a" }));
        TestPods.AssertErrors(WithMeta(new ObjectMeta { Name = "web", Namespace = "team.a" }), "metadata.namespace: Invalid value: \"team.a\": must not contain dots");
    }

    [Fact]
    public void Metadata_LabelKeyAndValue_AreReportedOnTheMap()
    {
        TestPods.AssertValid(WithMeta(new ObjectMeta { Name = "web", Labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "web" } }));
        TestPods.AssertErrors(
            WithMeta(new ObjectMeta { Name = "web", Labels = new Dictionary<string, string> { ["-app"] = "web-" } }),
            "metadata.labels: Invalid value: \"-app\": " + Messages.QualifiedNamePart,
            "metadata.labels: Invalid value: \"web-\": " + Messages.LabelValue);
    }

    [Fact]
    public void Metadata_AnnotationKeys_AreCaseInsensitiveQualifiedNames()
    {
        TestPods.AssertValid(WithMeta(new ObjectMeta { Name = "web", Annotations = new Dictionary<string, string> { ["Example.com/Note"] = "any value at all" } }));
        TestPods.AssertErrors(
            WithMeta(new ObjectMeta { Name = "web", Annotations = new Dictionary<string, string> { ["note!"] = "x" } }),
            "metadata.annotations: Invalid value: \"note!\": " + Messages.QualifiedNamePart);
    }

    [Fact]
    public void Metadata_AnnotationsOver256KiB_AreTooLong() =>
        TestPods.AssertErrors(
            WithMeta(new ObjectMeta { Name = "web", Annotations = new Dictionary<string, string> { ["big"] = new string('x', 256 * 1024) } }),
            "metadata.annotations: Too long: may not be more than 262144 bytes");

    [Fact]
    public void Metadata_UnprefixedFinalizer_MustBeStandard()
    {
        TestPods.AssertValid(WithMeta(new ObjectMeta { Name = "web", Finalizers = ["example.com/cleanup", "foregroundDeletion"] }));
        TestPods.AssertErrors(
            WithMeta(new ObjectMeta { Name = "web", Finalizers = ["cleanup"] }),
            "metadata.finalizers[0]: Invalid value: \"cleanup\": name is neither a standard finalizer name nor is it fully qualified");
    }

    [Fact]
    public void Metadata_NegativeGeneration_IsInvalid() =>
        TestPods.AssertErrors(WithMeta(new ObjectMeta { Name = "web", Generation = -1 }), "metadata.generation: Invalid value: -1: must be greater than or equal to 0");
}
