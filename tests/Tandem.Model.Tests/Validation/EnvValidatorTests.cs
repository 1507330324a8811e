using Tandem.Model.CoreV1;
using Tandem.Model.Validation;

namespace Tandem.Model.Tests.Validation;

public sealed class EnvValidatorTests
{
    private static Pod WithEnv(params EnvVar[] env) => TestPods.WithContainer(c => c with { Env = env });

    private static Pod WithEnvFrom(params EnvFromSource[] sources) => TestPods.WithContainer(c => c with { EnvFrom = sources });

    [Fact]
    public void EnvVar_WithoutName_IsRequired() =>
        TestPods.AssertErrors(WithEnv(new EnvVar { Value = "x" }), "spec.containers[0].env[0].name: Required value");

    [Fact]
    public void EnvVar_Name_IsRelaxedByDefault()
    {
        TestPods.AssertValid(WithEnv(new EnvVar { Name = "1ST.value", Value = "x" }));
        TestPods.AssertErrors(WithEnv(new EnvVar { Name = "A=B" }), "spec.containers[0].env[0].name: Invalid value: \"A=B\": " + Messages.RelaxedEnvVarName);
    }

    [Fact]
    public void EnvVar_Name_IsStrictWhenRelaxedNamesAreOff() =>
        Assert.Equal(
            ["spec.containers[0].env[0].name: Invalid value: \"1ST\": " + Messages.StrictEnvVarName],
            TestPods.Errors(WithEnv(new EnvVar { Name = "1ST" }), new ValidationOptions { RelaxedEnvironmentVariableNames = false }));

    [Fact]
    public void EnvVar_ValueFromWithoutSource_IsInvalid() =>
        TestPods.AssertErrors(
            WithEnv(new EnvVar { Name = "A", ValueFrom = new EnvVarSource() }),
            "spec.containers[0].env[0].valueFrom: Invalid value: \"\": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`");

    [Fact]
    public void EnvVar_ValueAndValueFrom_AreExclusive() =>
        TestPods.AssertErrors(
            WithEnv(new EnvVar { Name = "A", Value = "x", ValueFrom = new EnvVarSource { SecretKeyRef = new SecretKeySelector { Name = "s", Key = "k" } } }),
            "spec.containers[0].env[0].valueFrom: Invalid value: \"\": may not be specified when `value` is not empty");

    [Fact]
    public void EnvVar_TwoSources_AreInvalid() =>
        TestPods.AssertErrors(
            WithEnv(new EnvVar
            {
                Name = "A",
                ValueFrom = new EnvVarSource
                {
                    SecretKeyRef = new SecretKeySelector { Name = "s", Key = "k" },
                    ConfigMapKeyRef = new ConfigMapKeySelector { Name = "c", Key = "k" },
                },
            }),
            "spec.containers[0].env[0].valueFrom: Invalid value: \"\": may not have more than one field specified at a time");

    [Fact]
    public void EnvVar_FieldRef_MustNameASupportedPodField()
    {
        TestPods.AssertValid(WithEnv(new EnvVar { Name = "NODE", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { ApiVersion = "v1", FieldPath = "spec.nodeName" } } }));
        TestPods.AssertErrors(
            WithEnv(new EnvVar { Name = "LABELS", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { ApiVersion = "v1", FieldPath = "metadata.labels" } } }),
            "spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: \"metadata.labels\": supported values: \"metadata.name\", \"metadata.namespace\", \"metadata.uid\", \"spec.nodeName\", \"spec.serviceAccountName\", \"status.hostIP\", \"status.hostIPs\", \"status.podIP\", \"status.podIPs\"");
        TestPods.AssertErrors(
            WithEnv(new EnvVar { Name = "X", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { ApiVersion = "v1", FieldPath = "spec.foo" } } }),
            "spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Invalid value: \"spec.foo\": error converting fieldPath: field label not supported: spec.foo");
    }

    [Fact]
    public void EnvVar_FieldRefWithoutApiVersion_IsRequiredAfterDefaulting() =>
        TestPods.AssertErrors(
            WithEnv(new EnvVar { Name = "NODE", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { FieldPath = "spec.nodeName" } } }),
            "spec.containers[0].env[0].valueFrom.fieldRef.apiVersion: Required value");

    [Fact]
    public void EnvVar_ResourceFieldRef_MustNameAContainerResource()
    {
        TestPods.AssertValid(WithEnv(new EnvVar { Name = "CPU", ValueFrom = new EnvVarSource { ResourceFieldRef = new ResourceFieldSelector { Resource = "limits.cpu" } } }));
        TestPods.AssertErrors(
            WithEnv(new EnvVar { Name = "CPU", ValueFrom = new EnvVarSource { ResourceFieldRef = new ResourceFieldSelector { Resource = "limits.gpu" } } }),
            "spec.containers[0].env[0].valueFrom.resourceFieldRef.resource: Unsupported value: \"limits.gpu\": supported values: \"limits.cpu\", \"limits.ephemeral-storage\", \"limits.memory\", \"requests.cpu\", \"requests.ephemeral-storage\", \"requests.memory\"");
    }

    [Fact]
    public void EnvVar_KeyRef_NeedsAValidKey() =>
        TestPods.AssertErrors(
            WithEnv(new EnvVar { Name = "A", ValueFrom = new EnvVarSource { ConfigMapKeyRef = new ConfigMapKeySelector { Name = "settings", Key = "a/b" } } }),
            "spec.containers[0].env[0].valueFrom.configMapKeyRef.key: Invalid value: \"a/b\": " + Messages.ConfigMapKey);

    [Fact]
    public void EnvFrom_NeedsExactlyOneSource()
    {
        TestPods.AssertValid(WithEnvFrom(new EnvFromSource { Prefix = "APP_", ConfigMapRef = new ConfigMapEnvSource { Name = "settings" } }));
        TestPods.AssertErrors(
            WithEnvFrom(new EnvFromSource { Prefix = "APP_" }),
            "spec.containers[0].envFrom: Invalid value: \"\": must specify one of: `configMapRef` or `secretRef`");
    }

    [Fact]
    public void EnvFrom_SourceName_IsRequiredAndASubdomain() =>
        TestPods.AssertErrors(
            WithEnvFrom(new EnvFromSource { ConfigMapRef = new ConfigMapEnvSource() }, new EnvFromSource { SecretRef = new SecretEnvSource { Name = "Creds" } }),
            "spec.containers[0].envFrom[0].configMapRef.name: Required value",
            "spec.containers[0].envFrom[1].secretRef.name: Invalid value: \"Creds\": " + Messages.Dns1123Subdomain);

    [Fact]
    public void EnvFrom_Prefix_FollowsTheEnvVarNameRule() =>
        TestPods.AssertErrors(
            WithEnvFrom(new EnvFromSource { Prefix = "APP=", SecretRef = new SecretEnvSource { Name = "creds" } }),
            "spec.containers[0].envFrom[0].prefix: Invalid value: \"APP=\": " + Messages.RelaxedEnvVarName);

    [Fact]
    public void EnvVar_KeyRefWithoutName_GetsTheSubdomainMessage() =>
        TestPods.AssertErrors(
            WithEnv(new EnvVar { Name = "A", ValueFrom = new EnvVarSource { SecretKeyRef = new SecretKeySelector { Key = "k" } } }),
            "spec.containers[0].env[0].valueFrom.secretKeyRef.name: Invalid value: \"\": " + Messages.Dns1123Subdomain);

    [Fact]
    public void EnvVar_KeyRefWithoutKey_IsRequired() =>
        TestPods.AssertErrors(
            WithEnv(new EnvVar { Name = "A", ValueFrom = new EnvVarSource { SecretKeyRef = new SecretKeySelector { Name = "creds" } } }),
            "spec.containers[0].env[0].valueFrom.secretKeyRef.key: Required value");

    [Fact]
    public void EnvVar_SubscriptedLabel_NeedsAQualifiedKey()
    {
        TestPods.AssertValid(WithEnv(new EnvVar { Name = "APP", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { ApiVersion = "v1", FieldPath = "metadata.labels['app']" } } }));
        TestPods.AssertErrors(
            WithEnv(new EnvVar { Name = "X", ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { ApiVersion = "v1", FieldPath = "metadata.name['x']" } } }),
            "spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Invalid value: \"metadata.name['x']\": error converting fieldPath: field label does not support subscript: metadata.name['x']");
    }

    [Fact]
    public void EnvVar_CpuDivisor_MustBe1mOr1()
    {
        TestPods.AssertValid(WithEnv(new EnvVar { Name = "CPU", ValueFrom = new EnvVarSource { ResourceFieldRef = new ResourceFieldSelector { Resource = "requests.cpu", Divisor = Tandem.Model.Primitives.Quantity.Parse("1m") } } }));
        TestPods.AssertErrors(
            WithEnv(new EnvVar { Name = "CPU", ValueFrom = new EnvVarSource { ResourceFieldRef = new ResourceFieldSelector { Resource = "requests.cpu", Divisor = Tandem.Model.Primitives.Quantity.Parse("10m") } } }),
            "spec.containers[0].env[0].valueFrom.resourceFieldRef.divisor: Invalid value: \"requests.cpu\": only divisor's values 1m and 1 are supported with the cpu resource");
    }
}
