using System.CommandLine;
using Tandem.Cli.Images;

namespace Tandem.Cli.Commands;

public static partial class ImageCommand
{
    private static Command CreateImport(Option<string> stateDir)
    {
        var source = new Argument<string>("source") { Description = "A docker-archive tar (docker save), an oci-archive tar, or an OCI image layout directory." };
        var name = new Option<string>("--name")
        {
            Description = "The name to give the image, as [registry/]repository[:tag] (pods refer to it by this name).",
            Required = true,
        };
        var command = new Command("import", "Import an image from an archive or OCI layout, without a registry.") { source, name };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, "import", stateDir, async (store, output, error) =>
        {
            var path = parse.GetValue(source)!;
            if (ImportSource.Problem(path) is { } problem)
            {
                await error.WriteLineAsync($"tandem image import: {problem}").ConfigureAwait(false);
                return ExitCodes.UsageOrInput;
            }
            var imported = await store.ImportImageAsync(Path.GetFullPath(path), parse.GetValue(name)!, cancellationToken).ConfigureAwait(false);
            var shown = imported.RepoTags.LastOrDefault() ?? parse.GetValue(name);
            await output.WriteLineAsync($"Imported {shown} (image id {imported.Id}, {ByteSize.Format(imported.SizeBytes)})").ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }
}
