namespace Tandem.Runtime.Tests.Fixtures;

/// <summary>What the runtime tests need from the machine, named once.</summary>
internal static class Requirements
{
    public const string Root = "root";
    public const string Runc = "cmd:runc";
    public const string Skopeo = "cmd:skopeo";
    public const string Umoci = "cmd:umoci";
    public const string Registry = "cmd:docker-registry";
    public const string Ip = "cmd:ip";
    public const string Busybox = "file:/bin/busybox";
}
