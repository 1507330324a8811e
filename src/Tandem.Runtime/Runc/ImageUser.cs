namespace Tandem.Runtime.Runc;

/// <summary>
/// The uid, gid and extra groups a container runs as: securityContext first, else the image's
/// <c>User</c> (<c>name</c>, <c>uid</c>, <c>uid:gid</c>, <c>name:group</c>), names looked up in the
/// rootfs's /etc/passwd and /etc/group as runc's docker-era callers do.
/// </summary>
internal static class ImageUser
{
    public sealed record Resolved(long Uid, long Gid, IReadOnlyList<long> Groups);

    public static Resolved Resolve(ContainerSecurity security, string? imageUser, string rootfs, string containerName)
    {
        var (userPart, groupPart) = Split(imageUser);
        long uid;
        long? gid = null;
        if (security.RunAsUser is { } runAs)
        {
            uid = runAs;
        }
        else if (long.TryParse(userPart, out var numeric))
        {
            uid = numeric;
        }
        else
        {
            var entry = ReadTable(rootfs, "passwd").FirstOrDefault(f => f[0] == userPart)
                ?? throw new RuntimeException(RuntimeErrorCode.FailedPrecondition,
                    $"container \"{containerName}\": the image's user \"{userPart}\" is not in its /etc/passwd; set securityContext.runAsUser");
            uid = long.Parse(entry[2], System.Globalization.CultureInfo.InvariantCulture);
            gid = long.Parse(entry[3], System.Globalization.CultureInfo.InvariantCulture);
        }
        if (security.RunAsGroup is { } runAsGroup)
        {
            gid = runAsGroup;
        }
        else if (groupPart is not null)
        {
            gid = long.TryParse(groupPart, out var g) ? g : GroupId(rootfs, groupPart, containerName);
        }
        else if (gid is null && security.RunAsUser is null)
        {
            // A numeric image user without group: its passwd entry's group, else root's group.
            gid = ReadTable(rootfs, "passwd").FirstOrDefault(f => f[2] == uid.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } e
                ? long.Parse(e[3], System.Globalization.CultureInfo.InvariantCulture) : 0;
        }
        if (security.RunAsNonRoot && uid == 0)
        {
            throw new RuntimeException(RuntimeErrorCode.FailedPrecondition,
                $"container \"{containerName}\" has runAsNonRoot and its image will run as root; set securityContext.runAsUser to a non-zero uid");
        }
        return new Resolved(uid, gid ?? 0, security.SupplementalGroups);
    }

    private static (string User, string? Group) Split(string? user)
    {
        if (string.IsNullOrEmpty(user))
        {
            return ("0", null);
        }
        var colon = user.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (user, null) : (user[..colon], user[(colon + 1)..]);
    }

    private static long GroupId(string rootfs, string name, string containerName) =>
        ReadTable(rootfs, "group").FirstOrDefault(f => f[0] == name) is { } entry
            ? long.Parse(entry[2], System.Globalization.CultureInfo.InvariantCulture)
            : throw new RuntimeException(RuntimeErrorCode.FailedPrecondition,
                $"container \"{containerName}\": the image's group \"{name}\" is not in its /etc/group; set securityContext.runAsGroup");

    private static IEnumerable<string[]> ReadTable(string rootfs, string file)
    {
        var path = Path.Combine(rootfs, "etc", file);
        // A symlinked /etc/passwd could point outside the image; only a regular file is read.
        if (!File.Exists(path) || new FileInfo(path).LinkTarget is not null)
        {
            return [];
        }
        return File.ReadLines(path).Select(l => l.Split(':')).Where(f => f.Length >= 4);
    }
}
