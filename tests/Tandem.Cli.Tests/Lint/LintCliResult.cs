namespace Tandem.Cli.Tests.Lint;

internal sealed record LintCliResult(int Exit, string Output, string Error);
