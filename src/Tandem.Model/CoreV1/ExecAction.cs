namespace Tandem.Model.CoreV1;

/// <summary>A command run inside the container; exit code 0 is success.</summary>
public sealed record ExecAction
{
    public IReadOnlyList<string>? Command { get; init; }
}
