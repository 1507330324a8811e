using System.CommandLine;
using Tandem.Cli.Hosting;
using Tandem.Cli.Images;
using Tandem.Runtime;
using Tandem.Runtime.Images;

namespace Tandem.Cli.Commands;

/// <summary>
/// <c>tandem image pull|import|ls|rm</c>: the node's image store, the one <c>tandem run</c> uses.
/// Exit codes: 0 done, 1 the operation failed (not found, in use, registry down), 2 a wrong
/// command line, image name or input file.
/// </summary>
public static partial class ImageCommand
{
    public static Command Create()
    {
        var stateDir = NodeStateOptions.CreateStateDirOption();
        return new Command("image", "Pull, import, list and remove the images pods run from.")
        {
            stateDir,
            CreatePull(stateDir),
            CreateImport(stateDir),
            CreateList(stateDir),
            CreateRemove(stateDir),
        };
    }

    /// <summary>
    /// What every subcommand does around its own work: find the state directory, insist on root,
    /// open the store, and turn a runtime error into one line naming the verb plus an exit code.
    /// </summary>
    private static async Task<int> RunAsync(ParseResult parse, string verb, Option<string> stateDir, Func<ImageStore, TextWriter, TextWriter, Task<int>> body)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var directory = NodeStateOptions.Resolve(parse, stateDir);
        if (!RootRequirement.Check($"image {verb}", directory, error))
        {
            return ExitCodes.Failure;
        }
        var runtime = RuntimeFactory.Create(directory);
        try
        {
            return await body(runtime.Images, output, error).ConfigureAwait(false);
        }
        catch (RuntimeException e)
        {
            await error.WriteLineAsync($"tandem image {verb}: {e.Message}").ConfigureAwait(false);
            return RuntimeExitCodes.For(e.Code);
        }
    }
}
