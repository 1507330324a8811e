using System.CommandLine;

namespace Tandem.Cli.Commands.Client;

/// <summary>The <c>-f/--filename</c> option: files, directories or <c>-</c>, repeatable.</summary>
public static class ManifestFileOption
{
    public static Option<string[]> Create(string verb, bool required = true) => new("--filename", "-f")
    {
        Description = $"The manifest to {verb}: a file, a directory of .yaml/.yml/.json files, or - for stdin. Repeatable.",
        Required = required,
        AllowMultipleArgumentsPerToken = false,
    };
}
