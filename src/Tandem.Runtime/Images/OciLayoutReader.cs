using System.Text.Json;

namespace Tandem.Runtime.Images;

/// <summary>Reads what skopeo wrote into the OCI image layout: which manifest a tag names, its config and layers.</summary>
internal static class OciLayoutReader
{
    public sealed record Manifest(string Digest, string ConfigDigest, long SizeBytes, int Layers);

    public static Manifest ReadManifest(string layout, string tag)
    {
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(layout, "index.json")));
        string? digest = null;
        foreach (var entry in index.RootElement.GetProperty("manifests").EnumerateArray())
        {
            if (entry.TryGetProperty("annotations", out var annotations)
                && annotations.TryGetProperty("org.opencontainers.image.ref.name", out var name)
                && name.GetString() == tag)
            {
                digest = entry.GetProperty("digest").GetString();
            }
        }
        if (digest is null)
        {
            throw new RuntimeException(RuntimeErrorCode.Internal, $"the image store {layout} has no tag {tag} after copying; the copy did not complete");
        }
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(BlobPath(layout, digest)));
        var config = manifest.RootElement.GetProperty("config");
        var size = config.GetProperty("size").GetInt64();
        var layers = 0;
        foreach (var layer in manifest.RootElement.GetProperty("layers").EnumerateArray())
        {
            size += layer.GetProperty("size").GetInt64();
            layers++;
        }
        return new Manifest(digest, config.GetProperty("digest").GetString()!, size, layers);
    }

    /// <summary>Copies entrypoint, cmd, env, workingDir, user and stopSignal from the OCI image config.</summary>
    public static ImageInfo ReadConfig(string layout, Manifest manifest)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(BlobPath(layout, manifest.ConfigDigest)));
        var info = new ImageInfo { Id = manifest.ConfigDigest, SizeBytes = manifest.SizeBytes };
        if (!document.RootElement.TryGetProperty("config", out var config) || config.ValueKind != JsonValueKind.Object)
        {
            return info;
        }
        return info with
        {
            Entrypoint = Strings(config, "Entrypoint"),
            Cmd = Strings(config, "Cmd"),
            Env = Strings(config, "Env"),
            WorkingDir = Text(config, "WorkingDir"),
            User = Text(config, "User"),
            StopSignal = Text(config, "StopSignal"),
        };
    }

    private static string BlobPath(string layout, string digest)
    {
        var parts = digest.Split(':', 2);
        return Path.Combine(layout, "blobs", parts[0], parts[1]);
    }

    private static List<string> Strings(JsonElement config, string name) =>
        config.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(v => v.GetString() ?? "")]
            : [];

    private static string? Text(JsonElement config, string name) =>
        config.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}
