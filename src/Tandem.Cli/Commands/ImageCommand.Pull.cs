using System.CommandLine;
using Tandem.Cli.Images;
using Tandem.Model.Images;
using Tandem.Runtime;

namespace Tandem.Cli.Commands;

public static partial class ImageCommand
{
    private static Command CreatePull(Option<string> stateDir)
    {
        var image = new Argument<string>("image") { Description = "The image to pull, as [registry/]repository[:tag][@digest] (busybox means docker.io/library/busybox:latest)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the image id: no progress, no result line." };
        var creds = new Option<string?>("--creds")
        {
            Description = "Registry credentials as user:password (default: the registry's entry in ~/.docker/config.json).",
            HelpName = "user:password",
        };
        var command = new Command("pull", "Pull an image from a registry into the node's store, with progress.") { image, quiet, creds };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, "pull", stateDir, async (store, output, error) =>
        {
            var name = parse.GetValue(image)!;
            RegistryCredentials? credentials = null;
            if (parse.GetValue(creds) is { } given)
            {
                var colon = given.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0)
                {
                    await error.WriteLineAsync("tandem image pull: --creds must be user:password").ConfigureAwait(false);
                    return ExitCodes.UsageOrInput;
                }
                credentials = new RegistryCredentials(given[..colon], given[(colon + 1)..]);
            }
            var display = PullDisplayChoice.Choose(output, parse.GetValue(quiet), Environment.GetEnvironmentVariable);
            ImageInfo pulled;
            try
            {
                pulled = await store.PullImageAsync(name, credentials, display, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                display?.Finish();
            }
            await output.WriteLineAsync(display is null ? pulled.Id : ResultLine(name, pulled)).ConfigureAwait(false);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary><c>Pulled docker.io/library/busybox:1.36 (image id sha256:…, digest sha256:…, 2.15MB)</c>.</summary>
    private static string ResultLine(string name, ImageInfo pulled)
    {
        var reference = ImageReference.TryParse(name);
        var repository = reference is null ? null : $"{reference.Registry}/{reference.Repository}@";
        var digest = pulled.RepoDigests.LastOrDefault(d => repository is not null && d.StartsWith(repository, StringComparison.Ordinal))?.Split('@')[1];
        var shown = reference is null ? name : (reference with { Tag = reference.EffectiveTag }).ToString();
        return $"Pulled {shown} (image id {pulled.Id}{(digest is null ? "" : $", digest {digest}")}, {ByteSize.Format(pulled.SizeBytes)})";
    }
}
