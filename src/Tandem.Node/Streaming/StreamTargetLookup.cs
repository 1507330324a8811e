namespace Tandem.Node.Streaming;

/// <summary>A <see cref="StreamTarget"/>, or why there is none: the pod is missing, or the request cannot be served now.</summary>
public sealed record StreamTargetLookup
{
    private StreamTargetLookup(StreamTarget? target, StreamTargetProblem problem, string? message)
    {
        Target = target;
        Problem = problem;
        Message = message;
    }

    public StreamTarget? Target { get; }

    public StreamTargetProblem Problem { get; }

    /// <summary>What to tell the client, in the API server's or kubelet's words.</summary>
    public string? Message { get; }

    public static StreamTargetLookup Found(StreamTarget target) => new(target, StreamTargetProblem.None, null);

    public static StreamTargetLookup Failed(StreamTargetProblem problem, string message) => new(null, problem, message);
}
