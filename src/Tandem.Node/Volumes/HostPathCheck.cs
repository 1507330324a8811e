namespace Tandem.Node.Volumes;

/// <summary>
/// The <c>hostPath.type</c> checks, creating what <c>DirectoryOrCreate</c> and
/// <c>FileOrCreate</c> ask for (pkg/volume/hostpath/host_path.go <c>checkType</c>), with the
/// kubelet's messages.
/// </summary>
public static class HostPathCheck
{
    public static void Apply(string volume, string path, string? type)
    {
        string? error = type switch
        {
            null or "" => null,
            "DirectoryOrCreate" => CreateDirectory(path) ?? (Directory.Exists(path) ? null : $"{path} is not a directory"),
            "Directory" => Directory.Exists(path) ? null : $"{path} is not a directory",
            "FileOrCreate" => CreateFile(path) ?? (IsFile(path) ? null : $"{path} is not a file"),
            "File" => IsFile(path) ? null : $"{path} is not a file",
            "Socket" => Is(path, UnixFileKind.Socket) ? null : $"{path} is not a socket file",
            "CharDevice" => Is(path, UnixFileKind.CharDevice) ? null : $"{path} is not a character device",
            "BlockDevice" => Is(path, UnixFileKind.BlockDevice) ? null : $"{path} is not a block device",
            _ => $"invalid hostPath type {type}",
        };
        if (error is not null)
        {
            throw new VolumeSetupError(volume, "hostPath type check failed: " + error);
        }
    }

    private static string? CreateDirectory(string path)
    {
        if (Path.Exists(path))
        {
            return null;
        }
        Directory.CreateDirectory(path, (UnixFileMode)0b111_101_101);
        return null;
    }

    private static string? CreateFile(string path)
    {
        if (Path.Exists(path))
        {
            return null;
        }
        var parent = Path.GetDirectoryName(path);
        if (parent is not null && !Directory.Exists(parent))
        {
            Directory.CreateDirectory(parent, (UnixFileMode)0b111_101_101);
        }
        using (File.Create(path))
        {
        }
        File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);
        return null;
    }

    private static bool IsFile(string path) => File.Exists(path) && Kind(path) == UnixFileKind.Regular;

    private static bool Is(string path, UnixFileKind kind) => Path.Exists(path) && Kind(path) == kind;

    private static UnixFileKind Kind(string path)
    {
        var info = new FileInfo(path);
        return info.Attributes.HasFlag(FileAttributes.Directory) ? UnixFileKind.Directory : UnixFileKindReader.Read(path);
    }
}
