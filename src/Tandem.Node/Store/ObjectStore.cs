using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Tandem.Model.CoreV1;
using Tandem.Model.Serialization;
using Tandem.Node.Containers;

namespace Tandem.Node.Store;

/// <summary>
/// The node's desired state on disk: pods (with their last published status), ConfigMaps and Secrets, one JSON file
/// each under <c>&lt;state&gt;/store/&lt;kind&gt;/&lt;namespace&gt;_&lt;name&gt;.json</c>, written atomically (temp file, fsync,
/// rename) so a node killed at any moment finds either the old or the new object, never half of one. Reads come
/// from memory; the files are what a restarted node reloads.
/// </summary>
public sealed class ObjectStore : IObjectSource
{
    private readonly string _root;
    private readonly ConcurrentDictionary<PodKey, Pod> _pods = new();
    private readonly ConcurrentDictionary<PodKey, ConfigMap> _configMaps = new();
    private readonly ConcurrentDictionary<PodKey, Secret> _secrets = new();

    public ObjectStore(string root)
    {
        _root = root;
        Load("pods", KubernetesJsonContext.Default.Pod, _pods);
        Load("configmaps", KubernetesJsonContext.Default.ConfigMap, _configMaps);
        Load("secrets", KubernetesJsonContext.Default.Secret, _secrets);
    }

    public IReadOnlyList<Pod> Pods => [.. _pods.Values];

    public IReadOnlyList<ConfigMap> ConfigMaps => [.. _configMaps.Values];

    public IReadOnlyList<Secret> Secrets => [.. _secrets.Values];

    public Pod? FindPod(PodKey key) => _pods.GetValueOrDefault(key);

    public ConfigMap? FindConfigMap(string @namespace, string name) => _configMaps.GetValueOrDefault(new PodKey(@namespace, name));

    public Secret? FindSecret(string @namespace, string name) => _secrets.GetValueOrDefault(new PodKey(@namespace, name));

    public void SavePod(Pod pod) => Save("pods", KeyOf(pod.Metadata), pod, KubernetesJsonContext.Default.Pod, _pods);

    public void SaveConfigMap(ConfigMap configMap) => Save("configmaps", KeyOf(configMap.Metadata), configMap, KubernetesJsonContext.Default.ConfigMap, _configMaps);

    public void SaveSecret(Secret secret) => Save("secrets", KeyOf(secret.Metadata), secret, KubernetesJsonContext.Default.Secret, _secrets);

    public void RemovePod(PodKey key) => Remove("pods", key, _pods);

    public void RemoveConfigMap(PodKey key) => Remove("configmaps", key, _configMaps);

    public void RemoveSecret(PodKey key) => Remove("secrets", key, _secrets);

    public static PodKey KeyOf(Model.Meta.ObjectMeta? metadata) => new(metadata?.Namespace ?? "default", metadata?.Name ?? "");

    private void Save<T>(string kind, PodKey key, T value, JsonTypeInfo<T> type, ConcurrentDictionary<PodKey, T> cache)
    {
        var directory = Path.Combine(_root, kind);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName(key));
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            JsonSerializer.Serialize(file, value, type);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
        cache[key] = value;
    }

    private void Remove<T>(string kind, PodKey key, ConcurrentDictionary<PodKey, T> cache)
    {
        File.Delete(Path.Combine(_root, kind, FileName(key)));
        cache.TryRemove(key, out _);
    }

    private void Load<T>(string kind, JsonTypeInfo<T> type, ConcurrentDictionary<PodKey, T> cache)
        where T : Model.Meta.IKubernetesObject
    {
        var directory = Path.Combine(_root, kind);
        if (!Directory.Exists(directory))
        {
            return;
        }
        foreach (var path in Directory.EnumerateFiles(directory, "*.json"))
        {
            // Names and namespaces are DNS labels, so '_' cannot occur in either: the file name is unambiguous.
            using var file = File.OpenRead(path);
            if (JsonSerializer.Deserialize(file, type) is { } value)
            {
                cache[KeyOf(value.Metadata)] = value;
            }
        }
    }

    private static string FileName(PodKey key) => $"{key.Namespace}_{key.Name}.json";
}
