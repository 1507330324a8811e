using Tandem.Model.CoreV1;
using Tandem.Model.Primitives;
using Tandem.Node.Containers;

namespace Tandem.Node.Tests.Containers;

public sealed class EnvironmentBuilderTests
{
    private static readonly PodFacts Facts = new("tandem", "127.0.0.1", "10.0.0.7", 2, 8L << 30, 100L << 30);

    private static readonly ConfigMap Settings = new()
    {
        Metadata = new() { Name = "settings" },
        Data = new Dictionary<string, string> { ["MODE"] = "prod", ["LEVEL"] = "info", ["bad key"] = "x" },
    };

    private static readonly Secret Token = new()
    {
        Metadata = new() { Name = "token" },
        Data = new Dictionary<string, byte[]> { ["TOKEN"] = "s3cret"u8.ToArray() },
        StringData = new Dictionary<string, string> { ["USER"] = "app" },
    };

    private static Pod PodWith(Container container) => new()
    {
        Metadata = new() { Name = "web", Namespace = "default", Uid = "u-1", Labels = new Dictionary<string, string> { ["app"] = "web", ["tier"] = "front" } },
        Spec = new PodSpec { Containers = [container] },
    };

    private static ContainerEnvironment Build(Container container, params object[] objects) =>
        new EnvironmentBuilder(new FakeObjectSource(objects), Facts).Build(PodWith(container), container);

    [Fact]
    public void EnvFromThenEnv_LaterDefinitionsWin_PrefixesApply_AndRelaxedNamesAreKept()
    {
        var env = Build(new Container
        {
            Name = "main",
            EnvFrom = [new EnvFromSource { ConfigMapRef = new() { Name = "settings" } }, new EnvFromSource { Prefix = "S_", SecretRef = new() { Name = "token" } }],
            Env = [new EnvVar { Name = "LEVEL", Value = "debug" }],
        }, Settings, Token);

        Assert.Equal(["LEVEL=debug", "MODE=prod", "bad key=x", "S_TOKEN=s3cret", "S_USER=app"], env.Variables.Select(v => $"{v.Key}={v.Value}"));
    }

    [Fact]
    public void Values_ExpandReferencesToEarlierVariablesOnly()
    {
        var env = Build(new Container
        {
            Name = "main",
            Env =
            [
                new EnvVar { Name = "HOST", Value = "db" },
                new EnvVar { Name = "URL", Value = "postgres://$(HOST):$(PORT)/x?cost=$$5" },
                new EnvVar { Name = "PORT", Value = "5432" },
            ],
        });

        Assert.Equal("postgres://db:$(PORT)/x?cost=$5", env["URL"]);
    }

    [Fact]
    public void CommandAndArgs_ExpandFromTheFinalEnvironment()
    {
        var env = Build(new Container { Name = "main", Env = [new EnvVar { Name = "PORT", Value = "8080" }] });

        Assert.Equal(["httpd", "-p", "8080", "$(MISSING)", "$$"], env.Expand(["httpd", "-p", "$(PORT)", "$(MISSING)", "$$$$"]));
    }

    [Fact]
    public void FieldRefs_GiveThePodsFieldsAndAddresses()
    {
        EnvVar Field(string name, string path) => new() { Name = name, ValueFrom = new() { FieldRef = new() { FieldPath = path } } };
        var env = Build(new Container
        {
            Name = "main",
            Env = [Field("N", "metadata.name"), Field("NS", "metadata.namespace"), Field("UID", "metadata.uid"), Field("APP", "metadata.labels['app']"),
                   Field("NODE", "spec.nodeName"), Field("IP", "status.podIP"), Field("HOST", "status.hostIP"), Field("LABELS", "metadata.labels"), Field("SA", "spec.serviceAccountName")],
        });

        Assert.Equal(["web", "default", "u-1", "web", "tandem", "10.0.0.7", "127.0.0.1", "app=\"web\"\ntier=\"front\"", "default"], env.Variables.Select(v => v.Value));
    }

    [Fact]
    public void ResourceFieldRefs_DivideAndRoundUp_AndUnsetLimitsAreTheNodesCapacity()
    {
        EnvVar Resource(string name, string resource, string? divisor = null, string? container = null) => new()
        {
            Name = name,
            ValueFrom = new() { ResourceFieldRef = new() { Resource = resource, ContainerName = container, Divisor = divisor is null ? null : Quantity.Parse(divisor) } },
        };
        var env = Build(new Container
        {
            Name = "main",
            Resources = new() { Limits = new Dictionary<string, Quantity> { ["cpu"] = Quantity.Parse("250m"), ["memory"] = Quantity.Parse("64Mi") } },
            Env = [Resource("CPU", "limits.cpu"), Resource("CPU_M", "limits.cpu", "1m"), Resource("MEM_MI", "limits.memory", "1Mi"), Resource("REQ", "requests.memory"), Resource("NODE_MEM", "limits.ephemeral-storage", "1Gi")],
        });

        Assert.Equal(["1", "250", "64", "0", "100"], env.Variables.Select(v => v.Value));
    }

    [Fact]
    public void KeyRefs_ReadConfigMapsAndSecrets_OptionalOnesMaySkip()
    {
        var env = Build(new Container
        {
            Name = "main",
            Env =
            [
                new EnvVar { Name = "MODE", ValueFrom = new() { ConfigMapKeyRef = new() { Name = "settings", Key = "MODE" } } },
                new EnvVar { Name = "TOKEN", ValueFrom = new() { SecretKeyRef = new() { Name = "token", Key = "TOKEN" } } },
                new EnvVar { Name = "GONE", ValueFrom = new() { ConfigMapKeyRef = new() { Name = "absent", Key = "x", Optional = true } } },
                new EnvVar { Name = "NOKEY", ValueFrom = new() { SecretKeyRef = new() { Name = "token", Key = "nope", Optional = true } } },
            ],
        }, Settings, Token);

        Assert.Equal(["MODE=prod", "TOKEN=s3cret"], env.Variables.Select(v => $"{v.Key}={v.Value}"));
    }

    [Theory]
    [InlineData("configmap", "settings", "nope", "couldn't find key nope in ConfigMap default/settings")]
    [InlineData("configmap", "absent", "x", "configmap \"absent\" not found")]
    [InlineData("secret", "token", "nope", "couldn't find key nope in Secret default/token")]
    [InlineData("secret", "absent", "x", "secret \"absent\" not found")]
    public void MissingRequiredReferences_AreContainerConfigErrorsInTheKubeletsWords(string kind, string name, string key, string message)
    {
        var source = kind == "configmap"
            ? new EnvVarSource { ConfigMapKeyRef = new() { Name = name, Key = key } }
            : new EnvVarSource { SecretKeyRef = new() { Name = name, Key = key } };

        var error = Assert.Throws<ContainerConfigError>(() => Build(new Container { Name = "main", Env = [new EnvVar { Name = "X", ValueFrom = source }] }, Settings, Token));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void MissingEnvFromSource_IsAnErrorUnlessOptional()
    {
        var required = new Container { Name = "main", EnvFrom = [new EnvFromSource { SecretRef = new() { Name = "absent" } }] };
        var optional = new Container { Name = "main", EnvFrom = [new EnvFromSource { SecretRef = new() { Name = "absent", Optional = true } }] };

        Assert.Equal("secret \"absent\" not found", Assert.Throws<ContainerConfigError>(() => Build(required)).Message);
        Assert.Empty(Build(optional).Variables);
    }
}
