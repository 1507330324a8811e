using System.CommandLine;
using Tandem.Cli.Images;

namespace Tandem.Cli.Commands;

public static partial class ImageCommand
{
    private static readonly string[] ListFormats = ["table", "json"];

    private static Command CreateList(Option<string> stateDir)
    {
        var format = new Option<string>("--output", "-o")
        {
            Description = "table for people, json for scripts.",
            DefaultValueFactory = _ => "table",
        };
        format.CompletionSources.Add(ListFormats);
        var command = new Command("ls", "List the images in the node's store.") { format };
        command.Aliases.Add("list");
        command.SetAction((parse, cancellationToken) =>
        {
            // Checked here rather than by the parser, so a wrong value exits with 2 like other usage errors.
            var chosen = parse.GetValue(format) ?? "table";
            if (!ListFormats.Contains(chosen, StringComparer.Ordinal))
            {
                parse.InvocationConfiguration.Error.WriteLine($"tandem image ls: --output \"{chosen}\" is not supported; use one of: {string.Join(", ", ListFormats)}");
                return Task.FromResult(ExitCodes.UsageOrInput);
            }
            return RunAsync(parse, "ls", stateDir, async (store, output, _) =>
            {
                var images = await store.ListImagesAsync(cancellationToken).ConfigureAwait(false);
                if (chosen == "json")
                {
                    ImageJsonWriter.Write(images, output);
                }
                else
                {
                    ImageTableWriter.Write(ImageRow.From(images), output);
                }
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
