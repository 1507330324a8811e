using System.Formats.Tar;

namespace Tandem.Runtime.Images;

/// <summary>Tells skopeo which transport reads an archive: an OCI layout (directory or tar) or a <c>docker save</c> tarball.</summary>
internal static class ArchiveKind
{
    public static string Detect(string path)
    {
        if (Directory.Exists(path))
        {
            return "oci:";
        }
        if (!File.Exists(path))
        {
            throw new RuntimeException(RuntimeErrorCode.NotFound, $"image archive {path} does not exist");
        }
        using var stream = File.OpenRead(path);
        using var reader = new TarReader(stream);
        try
        {
            while (reader.GetNextEntry() is { } entry)
            {
                var name = entry.Name.TrimStart('.', '/');
                if (name == "oci-layout")
                {
                    return "oci-archive:";
                }
                if (name == "manifest.json")
                {
                    return "docker-archive:";
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException)
        {
            throw new RuntimeException(RuntimeErrorCode.InvalidArgument, $"{path} is not a tar archive of an image ({e.Message})", e);
        }
        throw new RuntimeException(RuntimeErrorCode.InvalidArgument, $"{path} is neither an OCI archive (no oci-layout) nor a docker archive (no manifest.json)");
    }
}
