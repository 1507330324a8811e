using Tandem.Model.CoreV1;

namespace Tandem.Model.Tests.Validation;

public sealed class SecurityContextValidatorTests
{
    private static Pod WithPodContext(PodSecurityContext context) => TestPods.WithSpec(s => s with { SecurityContext = context });

    [Fact]
    public void PodIds_MustFitInt32()
    {
        TestPods.AssertValid(WithPodContext(new PodSecurityContext { RunAsUser = 1000, RunAsGroup = 0, FsGroup = 2147483647, SupplementalGroups = [5] }));
        TestPods.AssertErrors(
            WithPodContext(new PodSecurityContext { FsGroup = -1, RunAsUser = 2147483648, RunAsGroup = -2, SupplementalGroups = [-3] }),
            "spec.securityContext.fsGroup: Invalid value: -1: " + Messages.IdRange,
            "spec.securityContext.runAsUser: Invalid value: 2147483648: " + Messages.IdRange,
            "spec.securityContext.runAsGroup: Invalid value: -2: " + Messages.IdRange,
            "spec.securityContext.supplementalGroups[0]: Invalid value: -3: " + Messages.IdRange);
    }

    [Fact]
    public void ContainerIds_MustFitInt32() =>
        TestPods.AssertErrors(
            TestPods.WithContainer(c => c with { SecurityContext = new SecurityContext { RunAsUser = -1 } }),
            "spec.containers[0].securityContext.runAsUser: Invalid value: -1: " + Messages.IdRange);

    [Fact]
    public void Sysctl_NameMustMatchTheSysctlFormat()
    {
        TestPods.AssertValid(WithPodContext(new PodSecurityContext { Sysctls = [new Sysctl { Name = "net.ipv4.ip_local_port_range", Value = "1024 65535" }] }));
        TestPods.AssertErrors(
            WithPodContext(new PodSecurityContext { Sysctls = [new Sysctl { Name = "Net.IPv4", Value = "1" }] }),
            "spec.securityContext.sysctls[0].name: Invalid value: \"Net.IPv4\": must have at most 253 characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$");
    }

    [Fact]
    public void Sysctl_DuplicateAndMissingNames_AreReported() =>
        TestPods.AssertErrors(
            WithPodContext(new PodSecurityContext { Sysctls = [new Sysctl { Name = "kernel.shm_rmid_forced" }, new Sysctl { Name = "kernel.shm_rmid_forced" }, new Sysctl()] }),
            "spec.securityContext.sysctls[1].name: Duplicate value: \"kernel.shm_rmid_forced\"",
            "spec.securityContext.sysctls[2].name: Required value");

    [Fact]
    public void Sysctl_NetWithHostNetwork_IsInvalid() =>
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with { HostNetwork = true, SecurityContext = new PodSecurityContext { Sysctls = [new Sysctl { Name = "net.core.somaxconn", Value = "1024" }] } }),
            "spec.securityContext.sysctls[0].name: Invalid value: \"net.core.somaxconn\": may not be specified when 'hostNetwork' is true");

    [Fact]
    public void SeccompProfile_LocalhostNeedsAProfile()
    {
        TestPods.AssertValid(WithPodContext(new PodSecurityContext { SeccompProfile = new SeccompProfile { Type = "Localhost", LocalhostProfile = "profiles/audit.json" } }));
        TestPods.AssertErrors(
            WithPodContext(new PodSecurityContext { SeccompProfile = new SeccompProfile { Type = "Localhost" } }),
            "spec.securityContext.seccompProfile.localhostProfile: Required value: must be set when seccomp type is Localhost");
    }

    [Fact]
    public void SeccompProfile_UnknownType_IsUnsupported() =>
        TestPods.AssertErrors(
            TestPods.WithContainer(c => c with { SecurityContext = new SecurityContext { SeccompProfile = new SeccompProfile { Type = "Strict" } } }),
            "spec.containers[0].securityContext.seccompProfile.type: Unsupported value: \"Strict\": supported values: \"Localhost\", \"RuntimeDefault\", \"Unconfined\"");

    [Fact]
    public void AppArmorProfile_LocalhostProfileOnlyForLocalhost() =>
        TestPods.AssertErrors(
            TestPods.WithContainer(c => c with { SecurityContext = new SecurityContext { AppArmorProfile = new AppArmorProfile { Type = "RuntimeDefault", LocalhostProfile = "x" } } }),
            "spec.containers[0].securityContext.appArmorProfile.localhostProfile: Invalid value: \"x\": can only be set when AppArmor type is Localhost");

    [Fact]
    public void FsGroupChangePolicy_MustBeKnown() =>
        TestPods.AssertErrors(
            WithPodContext(new PodSecurityContext { FsGroupChangePolicy = "Never" }),
            "spec.securityContext.fsGroupChangePolicy: Unsupported value: \"Never\": supported values: \"Always\", \"OnRootMismatch\"");

    [Fact]
    public void PrivilegedWithoutEscalation_IsContradictory()
    {
        TestPods.AssertValid(TestPods.WithContainer(c => c with { SecurityContext = new SecurityContext { Privileged = true } }));
        TestPods.AssertErrors(
            TestPods.WithContainer(c => c with { SecurityContext = new SecurityContext { Privileged = true, AllowPrivilegeEscalation = false } }),
            "spec.containers[0].securityContext: Invalid value: cannot set `allowPrivilegeEscalation` to false and `privileged` to true");
    }

    [Fact]
    public void Sysctl_IpcWithHostIpc_IsInvalid()
    {
        TestPods.AssertValid(TestPods.WithSpec(s => s with { HostIPC = true, SecurityContext = new PodSecurityContext { Sysctls = [new Sysctl { Name = "net.core.somaxconn" }] } }));
        TestPods.AssertErrors(
            TestPods.WithSpec(s => s with { HostIPC = true, SecurityContext = new PodSecurityContext { Sysctls = [new Sysctl { Name = "kernel.shm_rmid_forced" }] } }),
            "spec.securityContext.sysctls[0].name: Invalid value: \"kernel.shm_rmid_forced\": may not be specified when 'hostIPC' is true");
    }

    [Fact]
    public void ProcMount_UnmaskedNeedsOwnUserNamespace()
    {
        TestPods.AssertValid(TestPods.WithSpec(s => s with { HostUsers = false, Containers = [s.Containers![0] with { SecurityContext = new SecurityContext { ProcMount = "Unmasked" } }] }));
        TestPods.AssertErrors(
            TestPods.WithContainer(c => c with { SecurityContext = new SecurityContext { ProcMount = "Unmasked" } }),
            "spec.containers[0].securityContext.procMount: Invalid value: \"Unmasked\": `hostUsers` must be false to use `Unmasked`");
    }

    [Fact]
    public void SupplementalGroupsAndSeLinuxChangePolicies_MustBeKnown() =>
        TestPods.AssertErrors(
            WithPodContext(new PodSecurityContext { SupplementalGroupsPolicy = "Union", SeLinuxChangePolicy = "Relabel" }),
            "spec.securityContext.supplementalGroupsPolicy: Unsupported value: \"Union\": supported values: \"Merge\", \"Strict\"",
            "spec.securityContext.seLinuxChangePolicy: Unsupported value: \"Relabel\": supported values: \"MountOption\", \"Recursive\"");

    [Fact]
    public void AppArmorProfile_NeedsAType() =>
        TestPods.AssertErrors(
            WithPodContext(new PodSecurityContext { AppArmorProfile = new AppArmorProfile() }),
            "spec.securityContext.appArmorProfile.type: Required value: type is required when appArmorProfile is set");
}
