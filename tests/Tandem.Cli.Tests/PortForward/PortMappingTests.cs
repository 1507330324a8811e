using Tandem.Cli.PortForward;

namespace Tandem.Cli.Tests.PortForward;

public sealed class PortMappingTests
{
    [Theory]
    [InlineData("8080:80", 8080, 80)]
    [InlineData("80", 80, 80)]
    [InlineData(":80", 0, 80)]
    [InlineData("0:5432", 0, 5432)]
    public void KubectlsForms_AreUnderstood(string text, int local, int remote) =>
        Assert.Equal(new PortMapping(local, remote), PortMapping.Parse(text));

    [Theory]
    [InlineData("http")]
    [InlineData("8080:")]
    [InlineData("8080:0")]
    [InlineData("70000:80")]
    [InlineData("x:80")]
    public void Nonsense_IsRefusedWithTheArgument(string text) =>
        Assert.Contains(text, Assert.Throws<FormatException>(() => PortMapping.Parse(text)).Message, StringComparison.Ordinal);
}
