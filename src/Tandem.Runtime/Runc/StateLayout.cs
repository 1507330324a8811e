namespace Tandem.Runtime.Runc;

/// <summary>The on-disk layout under the state root, in one place.</summary>
public sealed class StateLayout(RuncRuntimeOptions options)
{
    public string Root => options.StateRoot;

    public RuncRuntimeOptions Options => options;

    public string ImagesDirectory => Path.Combine(Root, "images");

    /// <summary>One OCI image layout shared by all pulls, so layers common to images are stored once.</summary>
    public string OciLayout => Path.Combine(Root, "images", "oci");

    public string ImageDirectory(string imageId) => Path.Combine(ImagesDirectory, imageId.Replace("sha256:", "", StringComparison.Ordinal));

    public string SandboxesDirectory => Path.Combine(Root, "sandboxes");

    public string SandboxDirectory(string sandboxId) => Path.Combine(SandboxesDirectory, sandboxId);

    /// <summary>Where a holder-less sandbox pins its UTS or IPC namespace (<c>uts</c>, <c>ipc</c>).</summary>
    public string SandboxNamespace(string sandboxId, string type) => Path.Combine(SandboxDirectory(sandboxId), "ns", type);

    public string ContainersDirectory => Path.Combine(Root, "containers");

    public string ContainerDirectory(string containerId) => Path.Combine(ContainersDirectory, containerId);

    /// <summary>runc's own state (<c>runc --root</c>), ours rather than /run/runc so nothing mixes with other users of runc.</summary>
    public string RuncRoot => Path.Combine(Root, "runc");

    public string NetnsName(string sandboxId) => $"{options.HostPrefix}-{sandboxId[..12]}";

    /// <summary>The cgroup directory all sandboxes nest under.</summary>
    public string CgroupPrefix => $"/{options.HostPrefix}";

    /// <summary>The cgroup path (relative to each hierarchy) of a sandbox; containers nest under it.</summary>
    public string CgroupParent(string sandboxId) => $"/{options.HostPrefix}/{sandboxId}";
}
