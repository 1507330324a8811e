namespace Tandem.Runtime.Runc;

/// <summary>How the pod's command, args and env combine with the image's config, as Kubernetes defines it.</summary>
internal static class ContainerProcess
{
    public const string DefaultPath = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>
    /// command replaces the entrypoint and drops the image's cmd; args replace cmd; with neither,
    /// entrypoint + cmd (k8s.io/kubernetes pkg/kubelet/kuberuntime: the CRI passes both through and
    /// the runtime applies the docker rule).
    /// </summary>
    public static IReadOnlyList<string> Args(ContainerConfig config, ImageInfo image)
    {
        if (config.Command.Count > 0)
        {
            return [.. config.Command, .. config.Args];
        }
        return config.Args.Count > 0 ? [.. image.Entrypoint, .. config.Args] : [.. image.Entrypoint, .. image.Cmd];
    }

    /// <summary>Image env first, pod env over it: a pod variable replaces the image's in place, later pod entries win (containerd's rule).</summary>
    public static IReadOnlyList<string> Env(ContainerConfig config, ImageInfo image, string hostname)
    {
        var order = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Set(string name, string value)
        {
            if (!values.ContainsKey(name))
            {
                order.Add(name);
            }
            values[name] = value;
        }
        foreach (var entry in image.Env)
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            Set(eq < 0 ? entry : entry[..eq], eq < 0 ? "" : entry[(eq + 1)..]);
        }
        if (!values.ContainsKey("PATH"))
        {
            Set("PATH", DefaultPath["PATH=".Length..]);
        }
        // Every Kubernetes container sees its pod's hostname in HOSTNAME (the runtimes set it).
        Set("HOSTNAME", hostname);
        foreach (var (name, value) in config.Env)
        {
            Set(name, value);
        }
        return [.. order.Select(n => $"{n}={values[n]}")];
    }
}
