using Tandem.Model.Validation;

namespace Tandem.Model.Tests.Validation;

public sealed class NameRulesTests
{
    [Theory]
    [InlineData("web")]
    [InlineData("123-abc")]
    public void Dns1123Label_Valid_HasNoErrors(string value) => Assert.Empty(NameRules.Dns1123Label(value));

    [Fact]
    public void Dns1123Label_WithUppercase_GivesTheRegexMessage() =>
        Assert.Equal([Messages.Dns1123Label], NameRules.Dns1123Label("Web"));

    [Fact]
    public void Dns1123Label_WithDots_SaysSo() =>
        Assert.Equal(["must not contain dots"], NameRules.Dns1123Label("a.b"));

    [Fact]
    public void Dns1123Label_Over63Characters_IsTooLong() =>
        Assert.Equal(["must be no more than 63 characters"], NameRules.Dns1123Label(new string('a', 64)));

    [Fact]
    public void Dns1123Label_WithTrailingNewline_IsInvalid() =>
        Assert.NotEmpty(NameRules.Dns1123Label("web\n"));

    [Fact]
    public void Dns1123Subdomain_AllowsDots_AndRejectsUnderscores()
    {
        Assert.Empty(NameRules.Dns1123Subdomain("web.example.com"));
        Assert.Equal([Messages.Dns1123Subdomain], NameRules.Dns1123Subdomain("web_1"));
    }

    [Fact]
    public void Dns1123Subdomain_Over253Characters_IsTooLong() =>
        Assert.Equal("must be no more than 253 characters", NameRules.Dns1123Subdomain(new string('a', 254))[0]);

    [Fact]
    public void NameIsDnsSubdomain_AsPrefix_AllowsTrailingDash()
    {
        Assert.Empty(NameRules.NameIsDnsSubdomain("web-", prefix: true));
        Assert.NotEmpty(NameRules.NameIsDnsSubdomain("web-", prefix: false));
    }

    [Theory]
    [InlineData("app")]
    [InlineData("example.com/App_1")]
    public void QualifiedName_Valid_HasNoErrors(string value) => Assert.Empty(NameRules.QualifiedName(value));

    [Fact]
    public void QualifiedName_WithBadName_ReportsTheNamePart() =>
        Assert.Equal([Messages.QualifiedNamePart], NameRules.QualifiedName("-app"));

    [Fact]
    public void QualifiedName_WithEmptyPrefix_ReportsThePrefixPart() =>
        Assert.Equal(["prefix part must be non-empty"], NameRules.QualifiedName("/app"));

    [Fact]
    public void QualifiedName_WithBadPrefix_PrefixesTheSubdomainMessage() =>
        Assert.Equal(["prefix part " + Messages.Dns1123Subdomain], NameRules.QualifiedName("Example.com/app"));

    [Fact]
    public void QualifiedName_WithTwoSlashes_GivesTheWholeFormat() =>
        Assert.Equal(
            ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"],
            NameRules.QualifiedName("a/b/c"));

    [Fact]
    public void LabelValue_EmptyIsValid_TrailingDashIsNot()
    {
        Assert.Empty(NameRules.LabelValue(""));
        Assert.Equal([Messages.LabelValue], NameRules.LabelValue("v1-"));
    }

    [Fact]
    public void CIdentifier_MustNotStartWithDigit()
    {
        Assert.Empty(NameRules.CIdentifier("_my_name"));
        Assert.Equal(
            ["a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_' (e.g. 'my_name',  or 'MY_NAME',  or 'MyName', regex used for validation is '[A-Za-z_][A-Za-z0-9_]*')"],
            NameRules.CIdentifier("1name"));
    }

    [Fact]
    public void PortName_FollowsIanaServiceNames()
    {
        Assert.Empty(NameRules.PortName("http-alt"));
        Assert.Equal(
            ["must be no more than 15 characters", "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"],
            NameRules.PortName("Http-alternative"));
        Assert.Equal(["must contain at least one letter (a-z)"], NameRules.PortName("8080"));
        Assert.Equal(["must not contain consecutive hyphens"], NameRules.PortName("a--b"));
        Assert.Equal(["must not begin or end with a hyphen"], NameRules.PortName("web-"));
    }

    [Fact]
    public void EnvVarName_Strict_RejectsLeadingDigitAndDotDot()
    {
        Assert.Empty(NameRules.EnvVarName("MY_ENV.NAME"));
        Assert.Equal([Messages.StrictEnvVarName], NameRules.EnvVarName("1VAR"));
        Assert.Equal(["must not start with '..'"], NameRules.EnvVarName("..VAR"));
    }

    [Fact]
    public void EnvVarName_Relaxed_AllowsPrintableAsciiButEquals()
    {
        Assert.Empty(NameRules.RelaxedEnvVarName("1 weird:name"));
        Assert.Equal([Messages.RelaxedEnvVarName], NameRules.RelaxedEnvVarName("A=B"));
    }

    [Fact]
    public void ConfigMapKey_RejectsSlashAndDot()
    {
        Assert.Empty(NameRules.ConfigMapKey("app.properties"));
        Assert.Equal([Messages.ConfigMapKey], NameRules.ConfigMapKey("a/b"));
        Assert.Equal(["must not be '.'"], NameRules.ConfigMapKey("."));
    }
}
