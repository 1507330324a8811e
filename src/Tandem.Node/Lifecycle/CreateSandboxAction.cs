namespace Tandem.Node.Lifecycle;

/// <summary>Create the pod sandbox (R7 step 1); <see cref="Attempt"/> counts sandboxes created for this pod, from 0.</summary>
public sealed record CreateSandboxAction(int Attempt) : PodAction;
