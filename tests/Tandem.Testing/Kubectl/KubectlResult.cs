namespace Tandem.Testing.Kubectl;

/// <summary>What one kubectl invocation did: its exit code and everything it printed.</summary>
public sealed record KubectlResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
