using Tandem.Model.Meta;

namespace Tandem.Server.Streaming;

/// <summary>Either a target to stream to or the <see cref="Status"/> (with its HTTP code) to answer instead of upgrading.</summary>
public sealed record PodStreamResolution
{
    private PodStreamResolution(PodStreamTarget? target, Status? error)
    {
        Target = target;
        Error = error;
    }

    public PodStreamTarget? Target { get; }

    public Status? Error { get; }

    public static PodStreamResolution Found(PodStreamTarget target) => new(target, null);

    public static PodStreamResolution Failed(Status error) => new(null, error);
}
