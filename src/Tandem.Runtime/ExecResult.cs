namespace Tandem.Runtime;

/// <summary>The outcome of a command run in a container. Output is capped (10 KiB, as the kubelet's prober).</summary>
public sealed record ExecResult(int ExitCode, string Stdout, string Stderr, bool TimedOut);
