using System.Security.Cryptography.X509Certificates;
using System.Text;
using YamlDotNet.Serialization;

namespace Tandem.Cli.Api;

/// <summary>
/// Finds and reads kubeconfig files the way kubectl does (<c>--kubeconfig</c>, else every file in
/// <c>KUBECONFIG</c> merged with the first one winning per name, else <c>~/.kube/config</c>) and resolves one
/// context to a <see cref="ClusterConnection"/>. Relative file paths are relative to the file that names them.
/// </summary>
public static class KubeconfigLoader
{
    public static ClusterConnection Load(string? explicitPath, string? contextName, Func<string, string?> environment)
    {
        var files = Locate(explicitPath, environment);
        var clusters = new Dictionary<string, (KubeconfigDocument.ClusterEntry Entry, string Directory)>(StringComparer.Ordinal);
        var users = new Dictionary<string, (KubeconfigDocument.UserEntry Entry, string Directory)>(StringComparer.Ordinal);
        var contexts = new Dictionary<string, KubeconfigDocument.ContextEntry>(StringComparer.Ordinal);
        string? current = null;
        foreach (var file in files)
        {
            var document = Parse(file);
            var directory = Path.GetDirectoryName(Path.GetFullPath(file))!;
            current ??= string.IsNullOrEmpty(document.CurrentContext) ? null : document.CurrentContext;
            foreach (var named in document.Clusters ?? [])
            {
                if (named.Name is not null && named.Cluster is not null)
                {
                    clusters.TryAdd(named.Name, (named.Cluster, directory));
                }
            }
            foreach (var user in document.Users ?? [])
            {
                if (user.Name is not null && user.User is not null)
                {
                    users.TryAdd(user.Name, (user.User, directory));
                }
            }
            foreach (var context in document.Contexts ?? [])
            {
                if (context.Name is not null && context.Context is not null)
                {
                    contexts.TryAdd(context.Name, context.Context);
                }
            }
        }
        var name = string.IsNullOrEmpty(contextName) ? current : contextName;
        if (name is null)
        {
            throw new KubeconfigException($"no current context is set in {string.Join(", ", files)}; run 'tandem up' or pass --context");
        }
        if (!contexts.TryGetValue(name, out var chosen))
        {
            throw new KubeconfigException($"context \"{name}\" does not exist");
        }
        if (chosen.Cluster is null || !clusters.TryGetValue(chosen.Cluster, out var clusterEntry))
        {
            throw new KubeconfigException($"context \"{name}\" names cluster \"{chosen.Cluster}\", which does not exist");
        }
        var cluster = clusterEntry.Entry;
        if (string.IsNullOrEmpty(cluster.Server) || !Uri.TryCreate(cluster.Server, UriKind.Absolute, out var server))
        {
            throw new KubeconfigException($"cluster \"{chosen.Cluster}\" has no valid server address (\"{cluster.Server}\")");
        }
        var connection = new ClusterConnection
        {
            Server = server,
            ContextName = name,
            ContextNamespace = string.IsNullOrEmpty(chosen.Namespace) ? null : chosen.Namespace,
            InsecureSkipTlsVerify = cluster.InsecureSkipTlsVerify,
            TlsServerName = cluster.TlsServerName,
            TrustedAuthorities = Authorities(cluster, clusterEntry.Directory),
        };
        if (chosen.User is not null && users.TryGetValue(chosen.User, out var userEntry))
        {
            connection = WithUser(connection, userEntry.Entry, userEntry.Directory);
        }
        return connection;
    }

    private static IReadOnlyList<string> Locate(string? explicitPath, Func<string, string?> environment)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return File.Exists(explicitPath) ? [explicitPath] : throw new KubeconfigException($"stat {explicitPath}: no such file or directory");
        }
        var list = environment("KUBECONFIG");
        if (!string.IsNullOrEmpty(list))
        {
            var existing = list.Split(':', StringSplitOptions.RemoveEmptyEntries).Where(File.Exists).ToList();
            if (existing.Count > 0)
            {
                return existing;
            }
        }
        var home = environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var fallback = Path.Combine(home, ".kube", "config");
        return File.Exists(fallback)
            ? [fallback]
            : throw new KubeconfigException($"no kubeconfig found ({fallback} does not exist); start a node with 'tandem up' or pass --kubeconfig");
    }

    private static KubeconfigDocument Parse(string file)
    {
        try
        {
            var deserializer = new DeserializerBuilder().IgnoreUnmatchedProperties().Build();
            return deserializer.Deserialize<KubeconfigDocument>(File.ReadAllText(file)) ?? new KubeconfigDocument();
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new KubeconfigException($"cannot read kubeconfig {file}: {ex.Message}");
        }
    }

    private static List<X509Certificate2> Authorities(KubeconfigDocument.ClusterEntry cluster, string directory)
    {
        var pem = !string.IsNullOrEmpty(cluster.CertificateAuthorityData)
            ? Encoding.ASCII.GetString(Convert.FromBase64String(cluster.CertificateAuthorityData))
            : !string.IsNullOrEmpty(cluster.CertificateAuthority) ? File.ReadAllText(Resolve(cluster.CertificateAuthority, directory)) : null;
        if (pem is null)
        {
            return [];
        }
        var collection = new X509Certificate2Collection();
        collection.ImportFromPem(pem);
        return [.. collection];
    }

    private static ClusterConnection WithUser(ClusterConnection connection, KubeconfigDocument.UserEntry user, string directory)
    {
        var certPem = !string.IsNullOrEmpty(user.ClientCertificateData)
            ? Encoding.ASCII.GetString(Convert.FromBase64String(user.ClientCertificateData))
            : !string.IsNullOrEmpty(user.ClientCertificate) ? File.ReadAllText(Resolve(user.ClientCertificate, directory)) : null;
        var keyPem = !string.IsNullOrEmpty(user.ClientKeyData)
            ? Encoding.ASCII.GetString(Convert.FromBase64String(user.ClientKeyData))
            : !string.IsNullOrEmpty(user.ClientKey) ? File.ReadAllText(Resolve(user.ClientKey, directory)) : null;
        X509Certificate2? client = null;
        if (certPem is not null && keyPem is not null)
        {
            // An ephemeral key cannot be used by SslStream on every platform; export and re-import once.
            using var pemCertificate = X509Certificate2.CreateFromPem(certPem, keyPem);
            client = X509CertificateLoader.LoadPkcs12(pemCertificate.Export(X509ContentType.Pkcs12), null);
        }
        return connection with
        {
            BearerToken = string.IsNullOrEmpty(user.Token) ? null : user.Token,
            BearerTokenFile = string.IsNullOrEmpty(user.TokenFile) ? null : Resolve(user.TokenFile, directory),
            ClientCertificate = client,
            BasicAuth = user.Username is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user.Username}:{user.Password}")),
        };
    }

    private static string Resolve(string path, string directory) => Path.IsPathRooted(path) ? path : Path.Combine(directory, path);
}
