using System.CommandLine;
using Tandem.Runtime;

namespace Tandem.Cli.Commands;

public static partial class ImageCommand
{
    private static Command CreateRemove(Option<string> stateDir)
    {
        var images = new Argument<string[]>("images")
        {
            Description = "Images to remove, by name or id (12 or more hex digits). Removing one of several names of an image only removes that name.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("rm", "Remove images from the node's store.") { images };
        command.Aliases.Add("remove");
        command.SetAction((parse, cancellationToken) => RunAsync(parse, "rm", stateDir, async (store, output, error) =>
        {
            // Like crictl rmi: every image is tried, each failure gets its own line, and any failure makes the exit code 1.
            var exit = ExitCodes.Success;
            foreach (var image in parse.GetValue(images)!)
            {
                try
                {
                    var before = await store.ImageStatusAsync(image, cancellationToken).ConfigureAwait(false);
                    await store.RemoveImageAsync(image, cancellationToken).ConfigureAwait(false);
                    var stillThere = before is not null && await store.ImageStatusAsync(before.Id, cancellationToken).ConfigureAwait(false) is not null;
                    await output.WriteLineAsync(stillThere ? $"Untagged: {image}" : $"Deleted: {before?.Id ?? image}").ConfigureAwait(false);
                }
                catch (RuntimeException e)
                {
                    await error.WriteLineAsync($"tandem image rm: {e.Message}").ConfigureAwait(false);
                    exit = Math.Max(exit, ExitCodes.Failure);
                }
            }
            return exit;
        }));
        return command;
    }
}
