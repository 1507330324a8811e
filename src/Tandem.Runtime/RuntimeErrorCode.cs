namespace Tandem.Runtime;

/// <summary>
/// The small, closed set of ways a runtime call fails (the gRPC codes the CRI uses), mapped to
/// Kubernetes reasons, HTTP statuses and exit codes once, at the edges.
/// </summary>
public enum RuntimeErrorCode
{
    NotFound,
    AlreadyExists,
    InvalidArgument,
    FailedPrecondition,
    Unavailable,
    DeadlineExceeded,
    Internal,
}
