using System.Text;
using Tandem.Model.CoreV1;
using Tandem.Model.Defaulting;
using Tandem.Node.Containers;

namespace Tandem.Node.Volumes;

/// <summary>
/// The files of configMap, secret, downwardAPI and projected volumes, as the kubelet's volume
/// plugins compute them (<c>MakePayload</c>): every key, or only the listed items, each with
/// the item's mode or the volume's default mode.
/// </summary>
public sealed class VolumePayloads(IObjectSource objects, PodFacts facts)
{
    public IReadOnlyDictionary<string, FileProjection> ForConfigMap(Pod pod, string volume, ConfigMapVolumeSource source) =>
        Project(volume, ConfigMapData(pod, volume, source.Name, source.Optional), source.Items, source.DefaultMode, source.Optional, "configmap");

    public IReadOnlyDictionary<string, FileProjection> ForSecret(Pod pod, string volume, SecretVolumeSource source) =>
        Project(volume, SecretData(pod, volume, source.SecretName, source.Optional), source.Items, source.DefaultMode, source.Optional, "secret");

    public IReadOnlyDictionary<string, FileProjection> ForDownwardApi(Pod pod, string volume, DownwardApiVolumeSource source) =>
        DownwardFiles(pod, volume, source.Items, source.DefaultMode ?? PodDefaults.DefaultVolumeFileMode);

    public IReadOnlyDictionary<string, FileProjection> ForProjected(Pod pod, string volume, ProjectedVolumeSource source)
    {
        var mode = source.DefaultMode ?? PodDefaults.DefaultVolumeFileMode;
        var files = new Dictionary<string, FileProjection>(StringComparer.Ordinal);
        foreach (var projection in source.Sources ?? [])
        {
            IReadOnlyDictionary<string, FileProjection> part = projection switch
            {
                { ConfigMap: { } c } => Project(volume, ConfigMapData(pod, volume, c.Name, c.Optional), c.Items, mode, c.Optional, "configmap"),
                { Secret: { } s } => Project(volume, SecretData(pod, volume, s.Name, s.Optional), s.Items, mode, s.Optional, "secret"),
                { DownwardAPI: { } d } => DownwardFiles(pod, volume, d.Items, mode),
                { ServiceAccountToken: not null } => throw new VolumeSetupError(volume, "serviceAccountToken projections need an API server with tokens, which Tandem does not issue"),
                _ => new Dictionary<string, FileProjection>(),
            };
            foreach (var (path, file) in part)
            {
                files[path] = file;
            }
        }
        return files;
    }

    private Dictionary<string, byte[]>? ConfigMapData(Pod pod, string volume, string? name, bool? optional)
    {
        var configMap = objects.FindConfigMap(pod.Metadata?.Namespace ?? "default", name ?? "");
        if (configMap is null)
        {
            return optional == true ? null : throw new VolumeSetupError(volume, $"configmap \"{name}\" not found");
        }
        var data = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (key, text) in configMap.Data ?? new Dictionary<string, string>())
        {
            data[key] = Encoding.UTF8.GetBytes(text);
        }
        foreach (var (key, bytes) in configMap.BinaryData ?? new Dictionary<string, byte[]>())
        {
            data[key] = bytes;
        }
        return data;
    }

    private Dictionary<string, byte[]>? SecretData(Pod pod, string volume, string? name, bool? optional)
    {
        var secret = objects.FindSecret(pod.Metadata?.Namespace ?? "default", name ?? "");
        if (secret is null)
        {
            return optional == true ? null : throw new VolumeSetupError(volume, $"secret \"{name}\" not found");
        }
        var data = new Dictionary<string, byte[]>(secret.Data ?? new Dictionary<string, byte[]>(), StringComparer.Ordinal);
        foreach (var (key, text) in secret.StringData ?? new Dictionary<string, string>())
        {
            data[key] = Encoding.UTF8.GetBytes(text);
        }
        return data;
    }

    private static Dictionary<string, FileProjection> Project(string volume, Dictionary<string, byte[]>? data, IReadOnlyList<KeyToPath>? items, int? defaultMode, bool? optional, string kind)
    {
        var mode = defaultMode ?? PodDefaults.DefaultVolumeFileMode;
        var files = new Dictionary<string, FileProjection>(StringComparer.Ordinal);
        if (data is null)
        {
            return files;
        }
        if (items is not { Count: > 0 })
        {
            foreach (var (key, bytes) in data)
            {
                files[key] = new FileProjection(bytes, mode);
            }
            return files;
        }
        foreach (var item in items)
        {
            if (!data.TryGetValue(item.Key ?? "", out var bytes))
            {
                if (optional == true)
                {
                    continue;
                }
                throw new VolumeSetupError(volume, $"{kind} references non-existent {(kind == "secret" ? "secret" : "config")} key: {item.Key}");
            }
            files[item.Path ?? item.Key!] = new FileProjection(bytes, item.Mode ?? mode);
        }
        return files;
    }

    private Dictionary<string, FileProjection> DownwardFiles(Pod pod, string volume, IReadOnlyList<DownwardApiVolumeFile>? items, int defaultMode)
    {
        var files = new Dictionary<string, FileProjection>(StringComparer.Ordinal);
        foreach (var item in items ?? [])
        {
            string text;
            try
            {
                if (item.FieldRef is { } field)
                {
                    text = DownwardApiValues.FieldValue(pod, field.FieldPath ?? "", facts);
                }
                else if (item.ResourceFieldRef is { } resource)
                {
                    var container = (pod.Spec?.InitContainers ?? []).Concat(pod.Spec?.Containers ?? []).FirstOrDefault(c => c.Name == resource.ContainerName)
                        ?? throw new VolumeSetupError(volume, $"container \"{resource.ContainerName}\" not found in pod");
                    text = DownwardApiValues.ResourceValue(container, resource.Resource ?? "", resource.Divisor, facts);
                }
                else
                {
                    continue;
                }
            }
            catch (ContainerConfigError error)
            {
                throw new VolumeSetupError(volume, error.Message);
            }
            files[item.Path ?? ""] = new FileProjection(Encoding.UTF8.GetBytes(text), item.Mode ?? defaultMode);
        }
        return files;
    }
}
