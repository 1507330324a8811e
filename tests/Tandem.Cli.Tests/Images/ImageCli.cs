using System.CommandLine;

namespace Tandem.Cli.Tests.Images;

/// <summary>Runs <c>tandem image ...</c> in-process against one state directory and captures what a user would see.</summary>
internal static class ImageCli
{
    public static async Task<CliResult> Run(string stateDirectory, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await TandemCommandLine.Build()
            .Parse(["image", .. args, "--state-dir", stateDirectory])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(exit, output.ToString(), error.ToString());
    }
}
