using System.CommandLine;
using Tandem.Cli.Commands;

namespace Tandem.Cli.Tests.Lint;

/// <summary>Runs <c>tandem lint</c> in-process and captures what a user would see.</summary>
internal static class LintCli
{
    public static Task<LintCliResult> Run(params string[] args) => Invoke(null, args);

    public static Task<LintCliResult> RunWithInput(string standardInput, params string[] args) => Invoke(standardInput, args);

    private static async Task<LintCliResult> Invoke(string? standardInput, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = standardInput is null
            ? TandemCommandLine.Build()
            : new RootCommand { LintCommand.Create(() => new StringReader(standardInput)) };
        var exit = await root.Parse(["lint", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new LintCliResult(exit, output.ToString(), error.ToString());
    }
}
