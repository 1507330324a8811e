using Tandem.Cli.Commands;

namespace Tandem.Cli.Tests.Commands;

public sealed class VersionCommandTests
{
    [Fact]
    public async Task Version_PrintsTheAssemblyVersionAndRuntime()
    {
        var output = new StringWriter();
        var exit = await TandemCommandLine.Build().Parse(["version"]).InvokeAsync(new() { Output = output });

        Assert.Equal(0, exit);
        Assert.StartsWith($"tandem {VersionCommand.Current} (.NET ", output.ToString());
    }
}
