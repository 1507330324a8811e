namespace Tandem.Node.Streaming;

/// <summary>Why a streaming request has no target: the pod does not exist (404), or the request is wrong or early (400).</summary>
public enum StreamTargetProblem
{
    None,
    PodNotFound,
    BadRequest,
}
