namespace Tandem.Cli.Tests.Client;

/// <summary>What one tandem client command printed and its exit code.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
