using System.CommandLine;

namespace Tandem.Cli.Hosting;

/// <summary>
/// Where a node-facing verb (<c>run</c>, <c>image</c>, ...) keeps its state: <c>--state-dir</c>,
/// else <c>TANDEM_STATE_DIR</c>, else <c>/var/lib/tandem</c>. Every such verb adds the same option,
/// so images pulled by <c>tandem image pull</c> are the ones <c>tandem run</c> finds.
/// </summary>
public static class NodeStateOptions
{
    public const string EnvironmentVariable = "TANDEM_STATE_DIR";

    public const string DefaultStateDirectory = "/var/lib/tandem";

    /// <summary>The <c>--state-dir</c> option, recursive so that it may follow any subcommand.</summary>
    public static Option<string> CreateStateDirOption() => new("--state-dir")
    {
        Description = $"Where images, pods and runtime state live (default: ${EnvironmentVariable}, else {DefaultStateDirectory}).",
        HelpName = "dir",
        Recursive = true,
    };

    /// <summary>The state directory, as an absolute path: the flag wins over the environment, which wins over the default.</summary>
    public static string Resolve(string? flag, Func<string, string?> environment)
    {
        var chosen = !string.IsNullOrWhiteSpace(flag) ? flag
            : environment(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : DefaultStateDirectory;
        return Path.GetFullPath(chosen);
    }

    public static string Resolve(ParseResult parse, Option<string> stateDir) =>
        Resolve(parse.GetValue(stateDir), Environment.GetEnvironmentVariable);
}
