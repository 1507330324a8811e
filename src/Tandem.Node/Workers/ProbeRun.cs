using Tandem.Model.CoreV1;
using Tandem.Node.Probing;

namespace Tandem.Node.Workers;

/// <summary>A probe that is due now: run <see cref="Probe"/> against <see cref="ContainerId"/> and report its outcome.</summary>
internal sealed record ProbeRun(string Container, ProbeType Type, string ContainerId, Probe Probe);
