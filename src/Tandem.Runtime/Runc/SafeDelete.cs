namespace Tandem.Runtime.Runc;

/// <summary>Deletes a state directory only when nothing is mounted inside it: a recursive delete through a leftover bind of / or an image cache would destroy data outside the directory.</summary>
internal static class SafeDelete
{
    public static void Directory(string directory)
    {
        RootfsMounts.UnmountUnder(directory);
        var prefix = directory.TrimEnd('/') + "/";
        var stillMounted = RootfsMounts.MountPoints().FirstOrDefault(m => m.StartsWith(prefix, StringComparison.Ordinal) || m == directory);
        if (stillMounted is not null)
        {
            throw new RuntimeException(RuntimeErrorCode.Internal, $"{stillMounted} is still mounted; not deleting {directory}");
        }
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }
}
