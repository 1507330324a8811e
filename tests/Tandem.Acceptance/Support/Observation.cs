using Tandem.Model.CoreV1;

namespace Tandem.Acceptance.Support;

/// <summary>A pod as the node published it (<c>PodChanged</c>), with the wall-clock time the test received it.</summary>
public sealed record Observation(DateTimeOffset At, Pod Pod);
