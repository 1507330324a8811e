using System.Text;

namespace Tandem.Runtime.Runc;

/// <summary>The name-service files every container of a pod gets bind-mounted: /etc/hosts (kubelet-managed, with hostAliases), /etc/hostname, /etc/resolv.conf.</summary>
internal static class PodFiles
{
    public static void Write(string sandboxDirectory, PodSandboxConfig config)
    {
        Directory.CreateDirectory(sandboxDirectory);
        File.WriteAllText(Path.Combine(sandboxDirectory, "hosts"), Hosts(config));
        File.WriteAllText(Path.Combine(sandboxDirectory, "hostname"), config.Hostname + "\n");
        // Default dnsPolicy on a node without cluster DNS: the host's resolvers.
        var resolv = File.Exists("/etc/resolv.conf") ? File.ReadAllText("/etc/resolv.conf") : "";
        File.WriteAllText(Path.Combine(sandboxDirectory, "resolv.conf"), resolv);
    }

    /// <summary>The kubelet's managed hosts file (pkg/kubelet/kubelet_pods.go managedHostsFileContent); the pod's address is loopback here.</summary>
    public static string Hosts(PodSandboxConfig config)
    {
        var text = new StringBuilder()
            .Append("# Kubernetes-managed hosts file.\n")
            .Append("127.0.0.1\tlocalhost\n")
            .Append("::1\tlocalhost ip6-localhost ip6-loopback\n")
            .Append("fe00::0\tip6-localnet\n")
            .Append("fe00::0\tip6-mcastprefix\n")
            .Append("fe00::1\tip6-allnodes\n")
            .Append("fe00::2\tip6-allrouters\n")
            .Append("127.0.0.1\t").Append(config.Hostname).Append('\n');
        if (config.HostAliases.Count > 0)
        {
            text.Append("\n# Entries added by HostAliases.\n");
            foreach (var alias in config.HostAliases)
            {
                text.Append(alias.Ip).Append('\t').AppendJoin('\t', alias.Hostnames).Append('\n');
            }
        }
        return text.ToString();
    }
}
