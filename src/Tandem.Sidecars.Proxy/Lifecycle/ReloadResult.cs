namespace Tandem.Sidecars.Proxy.Lifecycle;

/// <summary>The result of one reload: the outcome, every validation error, what changed, and what needs a restart.</summary>
public sealed record ReloadResult(ReloadOutcome Outcome, IReadOnlyList<string> Errors, IReadOnlyList<string> Changes, IReadOnlyList<string> RestartRequired);
