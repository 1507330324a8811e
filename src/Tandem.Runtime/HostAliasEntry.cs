namespace Tandem.Runtime;

/// <summary>One /etc/hosts line of the sandbox.</summary>
public sealed record HostAliasEntry(string Ip, IReadOnlyList<string> Hostnames);
