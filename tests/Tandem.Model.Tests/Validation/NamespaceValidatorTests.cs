using Tandem.Model.CoreV1;
using Tandem.Model.Meta;
using Tandem.Model.Validation;

namespace Tandem.Model.Tests.Validation;

public sealed class NamespaceValidatorTests
{
    private static IEnumerable<string> Errors(Namespace ns) => ObjectValidator.Validate(ns).Select(error => error.ToString());

    [Fact]
    public void Namespace_NameIsDnsLabel()
    {
        Assert.Empty(Errors(new Namespace { Metadata = new ObjectMeta { Name = "team-a" } }));
        Assert.Equal(["metadata.name: Invalid value: \"team.a\": must not contain dots"], Errors(new Namespace { Metadata = new ObjectMeta { Name = "team.a" } }));
    }

    [Fact]
    public void Namespace_WithoutName_IsRequired() =>
        Assert.Equal(["metadata.name: Required value: name or generateName is required"], Errors(new Namespace()));

    [Fact]
    public void Namespace_SpecFinalizer_MustBeStandardOrQualified()
    {
        Assert.Empty(Errors(new Namespace { Metadata = new ObjectMeta { Name = "a" }, Spec = new NamespaceSpec { Finalizers = ["kubernetes"] } }));
        Assert.Equal(
            ["spec.finalizers: Invalid value: \"custom\": name is neither a standard finalizer name nor is it fully qualified"],
            Errors(new Namespace { Metadata = new ObjectMeta { Name = "a" }, Spec = new NamespaceSpec { Finalizers = ["custom"] } }));
    }
}
