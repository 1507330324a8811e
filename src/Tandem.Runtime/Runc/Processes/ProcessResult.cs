namespace Tandem.Runtime.Runc.Processes;

/// <summary>How a command ended and what it printed (capped).</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, bool Truncated);
