namespace Tandem.Runtime.Runc.SubPaths;

/// <summary>Undoes <see cref="SubPathHandle.BindTo"/>: the node calls it when a pod's subPath mounts go away.</summary>
public static class SubPathMounts
{
    /// <summary>Unmounts every bind mount at or below <paramref name="directory"/>, deepest first; absent mounts are fine.</summary>
    public static void UnmountUnder(string directory) => RootfsMounts.UnmountUnder(directory);
}
