using System.Text;

namespace Tandem.Testing.Kubectl;

/// <summary>Writes a one-context kubeconfig for tests (kubectl reads JSON as YAML).</summary>
public static class KubeconfigFile
{
    /// <summary>
    /// A kubeconfig with context <paramref name="context"/> pointing at <paramref name="server"/>.
    /// <paramref name="caPem"/> null means plain http or no verification wanted.
    /// </summary>
    public static string Write(string path, Uri server, string? token, string? caPem = null, string context = "tandem", string @namespace = "default")
    {
        var cluster = new StringBuilder($"{{\"server\":\"{server.ToString().TrimEnd('/')}\"");
        if (caPem is not null)
        {
            cluster.Append($",\"certificate-authority-data\":\"{Convert.ToBase64String(Encoding.ASCII.GetBytes(caPem))}\"");
        }
        else if (server.Scheme == "https")
        {
            cluster.Append(",\"insecure-skip-tls-verify\":true");
        }
        cluster.Append('}');
        var user = token is null ? "{}" : $"{{\"token\":\"{token}\"}}";
        var text =
            "{\"apiVersion\":\"v1\",\"kind\":\"Config\",\"current-context\":\"" + context + "\"," +
            "\"clusters\":[{\"name\":\"" + context + "\",\"cluster\":" + cluster + "}]," +
            "\"users\":[{\"name\":\"" + context + "\",\"user\":" + user + "}]," +
            "\"contexts\":[{\"name\":\"" + context + "\",\"context\":{\"cluster\":\"" + context + "\",\"user\":\"" + context +
            "\",\"namespace\":\"" + @namespace + "\"}}]}";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text);
        return path;
    }
}
