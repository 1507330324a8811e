namespace Tandem.Node.Lifecycle;

/// <summary>The waiting reasons of failed starts (kubelet <c>kuberuntime_container.go:64-75</c>, <c>container/sync_result.go</c>).</summary>
public static class StartFailureReasons
{
    public const string ErrImagePull = "ErrImagePull";
    public const string ImagePullBackOff = "ImagePullBackOff";
    public const string InvalidImageName = "InvalidImageName";
    public const string ErrImageNeverPull = "ErrImageNeverPull";
    public const string CrashLoopBackOff = "CrashLoopBackOff";
    public const string CreateContainerConfigError = "CreateContainerConfigError";
    public const string CreateContainerError = "CreateContainerError";
    public const string RunContainerError = "RunContainerError";
    public const string PreStartHookError = "PreStartHookError";
    public const string PostStartHookError = "PostStartHookError";
    public const string PreCreateHookError = "PreCreateHookError";
}
