using System.Text;
using Tandem.Model.CoreV1;

namespace Tandem.Node.Containers;

/// <summary>
/// A container's environment as the kubelet builds it (kubelet_pods.go
/// <c>makeEnvironmentVariables</c>): first every key of each <c>envFrom</c> source in order,
/// then each <c>env</c> entry, whose literal values may refer to variables defined before them
/// with <c>$(NAME)</c>. A later definition replaces an earlier one. A missing ConfigMap, Secret
/// or key that is not optional stops the container with <see cref="ContainerConfigError"/>.
/// </summary>
public sealed class EnvironmentBuilder(IObjectSource objects, PodFacts facts)
{
    public ContainerEnvironment Build(Pod pod, Container container)
    {
        var ns = pod.Metadata?.Namespace ?? "default";
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();

        void Set(string name, string value)
        {
            if (!values.ContainsKey(name))
            {
                order.Add(name);
            }
            values[name] = value;
        }

        foreach (var source in container.EnvFrom ?? [])
        {
            foreach (var (key, value) in EnvFromSource(ns, source))
            {
                // Every ConfigMap or Secret key is a valid variable name under the relaxed rule
                // the kubelet applies since 1.32, so none is skipped.
                Set((source.Prefix ?? "") + key, value);
            }
        }

        foreach (var env in container.Env ?? [])
        {
            if (env.Name is null)
            {
                continue;
            }
            if (env.ValueFrom is null)
            {
                Set(env.Name, VariableExpansion.Expand(env.Value ?? "", name => values.GetValueOrDefault(name)));
            }
            else if (ValueFrom(pod, container, ns, env.ValueFrom) is { } value)
            {
                Set(env.Name, value);
            }
        }

        return new ContainerEnvironment(order.Select(name => KeyValuePair.Create(name, values[name])).ToList());
    }

    private IEnumerable<KeyValuePair<string, string>> EnvFromSource(string ns, EnvFromSource source)
    {
        if (source.ConfigMapRef is { } configMapRef)
        {
            var configMap = objects.FindConfigMap(ns, configMapRef.Name ?? "");
            if (configMap is null)
            {
                return configMapRef.Optional == true ? [] : throw new ContainerConfigError($"configmap \"{configMapRef.Name}\" not found");
            }
            return (configMap.Data ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal);
        }
        if (source.SecretRef is { } secretRef)
        {
            var secret = objects.FindSecret(ns, secretRef.Name ?? "");
            if (secret is null)
            {
                return secretRef.Optional == true ? [] : throw new ContainerConfigError($"secret \"{secretRef.Name}\" not found");
            }
            return SecretValues(secret).OrderBy(p => p.Key, StringComparer.Ordinal);
        }
        return [];
    }

    private string? ValueFrom(Pod pod, Container container, string ns, EnvVarSource source)
    {
        if (source.FieldRef is { } field)
        {
            return DownwardApiValues.FieldValue(pod, field.FieldPath ?? "", facts);
        }
        if (source.ResourceFieldRef is { } resource)
        {
            var target = resource.ContainerName is { Length: > 0 } name
                ? AllContainers(pod).FirstOrDefault(c => c.Name == name) ?? throw new ContainerConfigError($"container \"{name}\" not found in pod")
                : container;
            return DownwardApiValues.ResourceValue(target, resource.Resource ?? "", resource.Divisor, facts);
        }
        if (source.ConfigMapKeyRef is { } configMapKey)
        {
            var configMap = objects.FindConfigMap(ns, configMapKey.Name ?? "");
            if (configMap is null)
            {
                return configMapKey.Optional == true ? null : throw new ContainerConfigError($"configmap \"{configMapKey.Name}\" not found");
            }
            if (configMap.Data?.TryGetValue(configMapKey.Key ?? "", out var value) == true)
            {
                return value;
            }
            if (configMap.BinaryData?.TryGetValue(configMapKey.Key ?? "", out var binary) == true)
            {
                return Encoding.UTF8.GetString(binary);
            }
            return configMapKey.Optional == true ? null : throw new ContainerConfigError($"couldn't find key {configMapKey.Key} in ConfigMap {ns}/{configMapKey.Name}");
        }
        if (source.SecretKeyRef is { } secretKey)
        {
            var secret = objects.FindSecret(ns, secretKey.Name ?? "");
            if (secret is null)
            {
                return secretKey.Optional == true ? null : throw new ContainerConfigError($"secret \"{secretKey.Name}\" not found");
            }
            if (SecretValues(secret).FirstOrDefault(p => p.Key == secretKey.Key) is { Key: not null } pair)
            {
                return pair.Value;
            }
            return secretKey.Optional == true ? null : throw new ContainerConfigError($"couldn't find key {secretKey.Key} in Secret {ns}/{secretKey.Name}");
        }
        return null;
    }

    /// <summary>A Secret's values as text; <c>stringData</c> is merged over <c>data</c>, as the API server stores it.</summary>
    private static IEnumerable<KeyValuePair<string, string>> SecretValues(Secret secret)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, bytes) in secret.Data ?? new Dictionary<string, byte[]>())
        {
            merged[key] = Encoding.UTF8.GetString(bytes);
        }
        foreach (var (key, text) in secret.StringData ?? new Dictionary<string, string>())
        {
            merged[key] = text;
        }
        return merged;
    }

    private static IEnumerable<Container> AllContainers(Pod pod) =>
        (pod.Spec?.InitContainers ?? []).Concat(pod.Spec?.Containers ?? []);
}
