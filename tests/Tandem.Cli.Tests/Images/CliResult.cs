namespace Tandem.Cli.Tests.Images;

/// <summary>What one in-process <c>tandem</c> invocation showed: exit code, standard output, standard error.</summary>
internal sealed record CliResult(int Exit, string Output, string Error)
{
    public override string ToString() => $"exit {Exit}\nstdout:\n{Output}\nstderr:\n{Error}";
}
