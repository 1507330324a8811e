namespace Tandem.Sidecars.LogShipper.Configuration;

/// <summary>One source of lines: files matching globs, or standard input.</summary>
public sealed record InputConfig
{
    public InputType Type { get; init; } = InputType.File;

    /// <summary>Absolute globs (<c>*</c>, <c>?</c>, <c>**</c>) of files to follow. Include rotated names (<c>app.log*</c>) to survive copytruncate without loss.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Globs of files to leave alone (compressed rotations, for example).</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    public LineFormat Format { get; init; } = LineFormat.Raw;

    public StartPosition StartAt { get; init; } = StartPosition.Beginning;

    /// <summary>Longer lines are cut to this size and marked truncated; the rest of the line is skipped.</summary>
    public ByteSize MaxLineBytes { get; init; } = new(256 << 10);

    /// <summary>How many leading bytes identify a file's content across renames, copies and inode reuse.</summary>
    public int FingerprintBytes { get; init; } = 256;

    /// <summary>How often open files are checked for new data.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How often the globs are expanded to find new files.</summary>
    public TimeSpan ScanInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a file that no glob matches any more (rotated away, deleted) is still read before it is closed.</summary>
    public TimeSpan RotateWait { get; init; } = TimeSpan.FromSeconds(5);

    public MultilineConfig? Multiline { get; init; }

    public ParseConfig? Parse { get; init; }

    /// <summary>Static fields added to every event of this input.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();
}
