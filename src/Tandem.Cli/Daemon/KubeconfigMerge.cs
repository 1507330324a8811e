using System.Text;
using YamlDotNet.RepresentationModel;

namespace Tandem.Cli.Daemon;

/// <summary>
/// Adds or replaces the <c>tandem</c> cluster, user and context in a kubeconfig and makes it the current context (as
/// kind and minikube do), leaving every other entry, preference, extension and unknown field as it was. The file is
/// read and written as a YAML node tree, so comments may go but no entry does; it is replaced atomically with its mode kept.
/// </summary>
public static class KubeconfigMerge
{
    /// <summary>The kubeconfig to write: <paramref name="explicitPath"/>, else the first file of <c>$KUBECONFIG</c>, else <c>~/.kube/config</c>.</summary>
    public static string Locate(string? explicitPath, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return Path.GetFullPath(explicitPath);
        }
        if (environment("KUBECONFIG") is { Length: > 0 } list && list.Split(':', StringSplitOptions.RemoveEmptyEntries) is [var first, ..])
        {
            return Path.GetFullPath(first);
        }
        var home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".kube", "config");
    }

    /// <summary>The file's <c>current-context</c>, or null (no file, none set, or not readable as YAML).</summary>
    public static string? CurrentContext(string path)
    {
        try
        {
            return File.Exists(path) && Parse(File.ReadAllText(path)).Children.TryGetValue(new YamlScalarNode("current-context"), out var node)
                && node is YamlScalarNode { Value: { Length: > 0 } name } ? name : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Merges <paramref name="entry"/> into the file at <paramref name="path"/> (created 0600 when missing); returns the previous current context.</summary>
    public static string? Apply(string path, KubeconfigEntry entry)
    {
        var existing = File.Exists(path) ? File.ReadAllText(path) : "";
        var (merged, previous) = Merge(existing, entry);
        var mode = File.Exists(path) ? File.GetUnixFileMode(path) : UnixFileMode.UserRead | UnixFileMode.UserWrite;
        PrivateFile.Write(path, merged, mode);
        return previous;
    }

    /// <summary>The merged document text and the current context it had before.</summary>
    public static (string Text, string? PreviousContext) Merge(string existing, KubeconfigEntry entry)
    {
        var root = Parse(existing);
        SetScalarIfMissing(root, "apiVersion", "v1");
        SetScalarIfMissing(root, "kind", "Config");
        Upsert(root, "clusters", "cluster", new YamlMappingNode(
            new YamlScalarNode("server"), new YamlScalarNode(entry.Server),
            new YamlScalarNode("certificate-authority-data"), new YamlScalarNode(Convert.ToBase64String(Encoding.UTF8.GetBytes(entry.CaPem)))));
        Upsert(root, "users", "user", new YamlMappingNode(new YamlScalarNode("token"), new YamlScalarNode(entry.Token)));
        Upsert(root, "contexts", "context", new YamlMappingNode(
            new YamlScalarNode("cluster"), new YamlScalarNode(KubeconfigEntry.Name),
            new YamlScalarNode("user"), new YamlScalarNode(KubeconfigEntry.Name),
            new YamlScalarNode("namespace"), new YamlScalarNode(KubeconfigEntry.Namespace)));
        var previous = root.Children.TryGetValue(new YamlScalarNode("current-context"), out var current) && current is YamlScalarNode { Value: { Length: > 0 } name } ? name : null;
        root.Children[new YamlScalarNode("current-context")] = new YamlScalarNode(KubeconfigEntry.Name);
        var output = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(output, assignAnchors: false);
        // The emitter ends the document with "..."; kubectl reads it, but people editing the file need not see it.
        var text = output.ToString().TrimEnd();
        if (text.EndsWith("...", StringComparison.Ordinal))
        {
            text = text[..^3].TrimEnd();
        }
        return (text + "\n", previous);
    }

    private static YamlMappingNode Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new YamlMappingNode();
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidOperationException($"the kubeconfig is not valid YAML ({e.Start.Line}:{e.Start.Column}: {e.Message}); fix it or pass --kubeconfig with another file", e);
        }
        return stream.Documents.Count == 0 ? new YamlMappingNode()
            : stream.Documents[0].RootNode as YamlMappingNode
                ?? throw new InvalidOperationException("the kubeconfig is not a YAML mapping; fix it or pass --kubeconfig with another file");
    }

    private static void SetScalarIfMissing(YamlMappingNode root, string key, string value)
    {
        if (!root.Children.ContainsKey(new YamlScalarNode(key)))
        {
            root.Children[new YamlScalarNode(key)] = new YamlScalarNode(value);
        }
    }

    // Replaces the named entry's body in place (its other fields, such as extensions, are kept) or appends a new entry.
    private static void Upsert(YamlMappingNode root, string listKey, string bodyKey, YamlMappingNode body)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(listKey), out var node) || node is not YamlSequenceNode list)
        {
            if (node is YamlScalarNode { Value: { Length: > 0 } and not "null" and not "~" })
            {
                throw new InvalidOperationException($"the kubeconfig's {listKey} is not a list; fix it or pass --kubeconfig with another file");
            }
            list = [];
            root.Children[new YamlScalarNode(listKey)] = list;
        }
        var existing = list.Children.OfType<YamlMappingNode>().FirstOrDefault(e =>
            e.Children.TryGetValue(new YamlScalarNode("name"), out var name) && name is YamlScalarNode { Value: KubeconfigEntry.Name });
        if (existing is null)
        {
            list.Add(new YamlMappingNode(new YamlScalarNode("name"), new YamlScalarNode(KubeconfigEntry.Name), new YamlScalarNode(bodyKey), body));
            return;
        }
        if (existing.Children.TryGetValue(new YamlScalarNode(bodyKey), out var old) && old is YamlMappingNode oldBody)
        {
            // Our keys win; anything else the user added to the entry (extensions, proxy-url, ...) stays.
            foreach (var (key, value) in body.Children)
            {
                oldBody.Children[key] = value;
            }
            if (bodyKey == "user")
            {
                // A token and a client certificate or exec plugin together would be ambiguous; the token is ours.
                foreach (var credential in new[] { "client-certificate", "client-certificate-data", "client-key", "client-key-data", "exec", "auth-provider", "tokenFile", "username", "password" })
                {
                    oldBody.Children.Remove(new YamlScalarNode(credential));
                }
            }
            if (bodyKey == "cluster")
            {
                oldBody.Children.Remove(new YamlScalarNode("certificate-authority"));
                oldBody.Children.Remove(new YamlScalarNode("insecure-skip-tls-verify"));
            }
            return;
        }
        existing.Children[new YamlScalarNode(bodyKey)] = body;
    }
}
