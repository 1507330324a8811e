using Tandem.Model.Sources;

namespace Tandem.Cli.Lint;

/// <summary>An input that could not be read: missing, not YAML, too large.</summary>
/// <param name="Location">The file, and the position when the problem has one (line 0 otherwise).</param>
public sealed record LintReadError(SourceLocation Location, string Message)
{
    public override string ToString() =>
        Location.Line > 0 ? $"{Location}: {Message}" : $"{Location.File}: {Message}";
}
