namespace Tandem.Node.Lifecycle;

/// <summary>
/// A container the decision wanted to start but held back (crash-loop back-off R20, image pull back-off R11):
/// the reason and message become its <see cref="StartFailure"/>, which the status shows as <c>waiting</c> (R28/R31).
/// <see cref="RetryAt"/> is when the back-off expires: sync the pod again then.
/// </summary>
public sealed record ContainerWait(string Name, string Reason, string Message, DateTimeOffset RetryAt);
