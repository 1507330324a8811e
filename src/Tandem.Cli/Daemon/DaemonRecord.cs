using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tandem.Cli.Daemon;

/// <summary>
/// <c>&lt;state&gt;/daemon.json</c>: the running daemon's pid (with its start time in clock ticks since boot, from
/// <c>/proc/&lt;pid&gt;/stat</c>, so a recycled pid is not taken for it), where it serves and since when.
/// </summary>
public sealed record DaemonRecord
{
    public required int Pid { get; init; }

    public required long ProcessStartTicks { get; init; }

    public required string Address { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required string Version { get; init; }

    public static DaemonRecord? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), DaemonJsonContext.Default.DaemonRecord);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null;
        }
    }

    public void Write(string path) =>
        PrivateFile.Write(path, JsonSerializer.Serialize(this, DaemonJsonContext.Default.DaemonRecord),
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DaemonRecord))]
[JsonSerializable(typeof(DaemonStatus))]
internal sealed partial class DaemonJsonContext : JsonSerializerContext;
