namespace Tandem.Runtime.Runc;

/// <summary>Everything the OCI spec of one container is generated from.</summary>
internal sealed record ContainerSpecInput(
    ContainerConfig Config,
    ImageInfo Image,
    ImageUser.Resolved User,
    SandboxRecord Sandbox,
    string SandboxDirectory,
    string TerminationLogFile,
    string CgroupPath,
    bool HostFilesystem);
