namespace Tandem.Cli.Lint;

/// <summary>Writes a lint report in one output format.</summary>
public interface ILintFormatter
{
    void Write(LintReport report, TextWriter output);
}
