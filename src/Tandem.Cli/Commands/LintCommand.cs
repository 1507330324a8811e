using System.CommandLine;

namespace Tandem.Cli.Commands;

public static class LintCommand
{
    public static Command Create() => new("lint", "Check pod manifests for mistakes.");
}
