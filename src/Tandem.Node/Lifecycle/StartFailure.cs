namespace Tandem.Node.Lifecycle;

/// <summary>
/// Why the last attempt to start a container failed (the kubelet's <c>reasonCache</c> entry): the waiting
/// reason a status shows (R28), e.g. <c>ErrImagePull</c>, <c>ImagePullBackOff</c>, <c>CrashLoopBackOff</c>,
/// <c>CreateContainerError</c>, <c>RunContainerError</c>, <c>PostStartHookError</c>. Cleared by a successful start.
/// </summary>
public sealed record StartFailure(string Reason, string Message, DateTimeOffset At);
