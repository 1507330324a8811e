namespace Tandem.Cli.Images;

/// <summary>
/// Checks what <c>tandem image import</c> was given before skopeo sees it, so that a directory
/// that is not an OCI layout is named plainly (skopeo's own message is about a missing index.json).
/// Archives are told apart by the runtime (oci-layout or manifest.json inside the tar).
/// </summary>
public static class ImportSource
{
    /// <summary>The problem with <paramref name="path"/>, or null when it may be an image.</summary>
    public static string? Problem(string path)
    {
        if (Directory.Exists(path))
        {
            return File.Exists(Path.Combine(path, "oci-layout")) && File.Exists(Path.Combine(path, "index.json"))
                ? null
                : $"{path} is a directory but not an OCI image layout (it has no oci-layout and index.json); give an OCI layout directory, an oci-archive or a docker-archive tar file";
        }
        return File.Exists(path) ? null : $"{path} does not exist; give an OCI layout directory, an oci-archive or a docker-archive tar file";
    }
}
