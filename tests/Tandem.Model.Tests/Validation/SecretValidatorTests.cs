using System.Text;
using Tandem.Model.CoreV1;
using Tandem.Model.Meta;
using Tandem.Model.Validation;

namespace Tandem.Model.Tests.Validation;

public sealed class SecretValidatorTests
{
    private static Secret Secret(string type, params (string Key, string Value)[] data) => new()
    {
        Metadata = new ObjectMeta { Name = "creds", Namespace = "default" },
        Type = type,
        Data = data.ToDictionary(entry => entry.Key, entry => Encoding.UTF8.GetBytes(entry.Value)),
    };

    private static IEnumerable<string> Errors(Secret secret) => ObjectValidator.Validate(secret).Select(error => error.ToString());

    [Fact]
    public void Opaque_WithValidKeys_IsValid() => Assert.Empty(Errors(Secret("Opaque", ("password", "s3cret"))));

    [Fact]
    public void Secret_InvalidKey_IncludingStringData_IsReportedUnderData() =>
        Assert.Equal(
            ["data[a b]: Invalid value: \"a b\": " + Messages.ConfigMapKey],
            Errors(Secret("Opaque") with { StringData = new Dictionary<string, string> { ["a b"] = "x" } }));

    [Fact]
    public void Tls_NeedsCertificateAndKey()
    {
        Assert.Empty(Errors(Secret("kubernetes.io/tls", ("tls.crt", "c"), ("tls.key", "k"))));
        Assert.Equal(["data[tls.key]: Required value"], Errors(Secret("kubernetes.io/tls", ("tls.crt", "c"))));
    }

    [Fact]
    public void BasicAuth_NeedsUsernameOrPassword()
    {
        Assert.Empty(Errors(Secret("kubernetes.io/basic-auth", ("username", "u"))));
        Assert.Equal(["data[username]: Required value", "data[password]: Required value"], Errors(Secret("kubernetes.io/basic-auth")));
    }

    [Fact]
    public void DockerConfigJson_MustBeJson()
    {
        Assert.Empty(Errors(Secret("kubernetes.io/dockerconfigjson", (".dockerconfigjson", "{\"auths\":{}}"))));
        Assert.Equal(["data[.dockerconfigjson]: Required value"], Errors(Secret("kubernetes.io/dockerconfigjson")));
        Assert.StartsWith(
            "data[.dockerconfigjson]: Invalid value: \"<secret contents redacted>\": ",
            Assert.Single(Errors(Secret("kubernetes.io/dockerconfigjson", (".dockerconfigjson", "{not json")))));
    }

    [Fact]
    public void SshAuth_NeedsAPrivateKey() =>
        Assert.Equal(["data[ssh-privatekey]: Required value"], Errors(Secret("kubernetes.io/ssh-auth")));

    [Fact]
    public void ServiceAccountToken_NeedsTheAccountAnnotation() =>
        Assert.Equal(
            ["metadata.annotations[kubernetes.io/service-account.name]: Required value"],
            Errors(Secret("kubernetes.io/service-account-token")));
}
