namespace Tandem.Node.Tests.Fixtures;

/// <summary>What happened to one container during a driven termination (times in seconds from the start).</summary>
internal sealed record ContainerOutcome(double? PreStopAt = null, double? StopAt = null, long? Grace = null, double? ExitAt = null, int? ExitCode = null);
