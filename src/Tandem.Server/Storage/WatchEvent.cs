namespace Tandem.Server.Storage;

/// <summary>
/// One change: <see cref="Type"/> is ADDED, MODIFIED or DELETED; <see cref="Previous"/> is the version before, so a
/// selector watch can turn "stopped matching" into DELETED and "started matching" into ADDED, as the apiserver's cacher does.
/// </summary>
internal sealed record WatchEvent(string Type, StoredObject Object, StoredObject? Previous)
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";

    public long ResourceVersion => Object.ResourceVersion;
}
