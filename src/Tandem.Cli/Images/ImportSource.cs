using System.Text;
using System.Text.Json;

namespace Tandem.Cli.Images;

/// <summary>
/// Checks what <c>tandem image import</c> was given before skopeo sees it, so that the user reads
/// which file is wrong and why rather than skopeo's or the tar reader's internals. Whether a tar
/// holds an OCI or a docker archive the runtime decides (oci-layout or manifest.json inside).
/// </summary>
public static class ImportSource
{
    private const string Formats = "give a docker-archive tar (docker save), an oci-archive tar, or an OCI image layout directory with one image";

    /// <summary>The problem with <paramref name="path"/>, or null when it may be an image.</summary>
    public static string? Problem(string path)
    {
        if (Directory.Exists(path))
        {
            return LayoutProblem(path);
        }
        if (!File.Exists(path))
        {
            return $"{path} does not exist; {Formats}";
        }
        return IsTar(path) ? null : $"{path} is not a tar archive (no ustar header); {Formats}";
    }

    private static string? LayoutProblem(string path)
    {
        var index = Path.Combine(path, "index.json");
        if (!File.Exists(Path.Combine(path, "oci-layout")) || !File.Exists(index))
        {
            return $"{path} is a directory but not an OCI image layout (it has no oci-layout and index.json); {Formats}";
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(index));
            var manifests = document.RootElement.TryGetProperty("manifests", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().ToList()
                : [];
            if (manifests.Count == 0)
            {
                return $"{path}/index.json lists no image; {Formats}";
            }
            if (manifests.Count > 1)
            {
                // skopeo cannot pick one without a reference, and the runtime imports the layout as a whole.
                var names = manifests.Select(m => m.TryGetProperty("annotations", out var a) && a.TryGetProperty("org.opencontainers.image.ref.name", out var n) ? n.GetString() : m.GetProperty("digest").GetString());
                return $"{path} holds {manifests.Count} images ({string.Join(", ", names)}); import one at a time, e.g. skopeo copy oci:{path}:NAME oci-archive:image.tar";
            }
            return null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"{path}/index.json is not a valid OCI index ({e.GetType().Name}); {Formats}";
        }
    }

    /// <summary>POSIX (ustar) and GNU tar headers carry "ustar" at offset 257; docker save and skopeo write them.</summary>
    private static bool IsTar(string path)
    {
        using var stream = File.OpenRead(path);
        var header = new byte[263];
        var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        return read == header.Length && Encoding.ASCII.GetString(header, 257, 5) == "ustar";
    }
}
