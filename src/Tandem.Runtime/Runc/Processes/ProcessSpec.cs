namespace Tandem.Runtime.Runc.Processes;

/// <summary>A command line to run.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>Output kept per stream; the rest is read and dropped so the child never blocks on a full pipe.</summary>
    public int OutputLimitBytes { get; init; } = 1 << 20;

    /// <summary>Called for each line of stdout and stderr as it arrives (progress parsing).</summary>
    public Action<string>? OnLine { get; init; }

    public override string ToString() => FileName + " " + string.Join(' ', Arguments);
}
