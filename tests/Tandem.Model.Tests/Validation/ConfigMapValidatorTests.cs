using Tandem.Model.CoreV1;
using Tandem.Model.Meta;
using Tandem.Model.Validation;

namespace Tandem.Model.Tests.Validation;

public sealed class ConfigMapValidatorTests
{
    private static ConfigMap Valid() => new()
    {
        Metadata = new ObjectMeta { Name = "settings", Namespace = "default" },
        Data = new Dictionary<string, string> { ["app.properties"] = "a=1" },
        BinaryData = new Dictionary<string, byte[]> { ["logo.png"] = [1, 2, 3] },
    };

    private static IEnumerable<string> Errors(ConfigMap configMap) => ObjectValidator.Validate(configMap).Select(error => error.ToString());

    [Fact]
    public void ConfigMap_WithValidKeys_IsValid() => Assert.Empty(Errors(Valid()));

    [Fact]
    public void ConfigMap_NameIsDnsSubdomain() =>
        Assert.Equal(
            ["metadata.name: Invalid value: \"Settings\": " + Messages.Dns1123Subdomain],
            Errors(Valid() with { Metadata = new ObjectMeta { Name = "Settings" } }));

    [Fact]
    public void ConfigMap_InvalidKey_IsReportedOnTheKey() =>
        Assert.Equal(
            ["data[conf/app]: Invalid value: \"conf/app\": " + Messages.ConfigMapKey, "binaryData[..]: Invalid value: \"..\": must not be '..'"],
            Errors(Valid() with { Data = new Dictionary<string, string> { ["conf/app"] = "x" }, BinaryData = new Dictionary<string, byte[]> { [".."] = [] } }));

    [Fact]
    public void ConfigMap_KeyInBothMaps_IsInvalid() =>
        Assert.Equal(
            ["data[logo.png]: Invalid value: \"logo.png\": duplicate of key present in binaryData"],
            Errors(Valid() with { Data = new Dictionary<string, string> { ["logo.png"] = "x" } }));

    [Fact]
    public void ConfigMap_Over1MiB_IsTooLong() =>
        Assert.Equal(
            [": Too long: may not be more than 1048576 bytes"],
            Errors(Valid() with { Data = new Dictionary<string, string> { ["big"] = new string('x', 1024 * 1024 + 1) } }));
}
