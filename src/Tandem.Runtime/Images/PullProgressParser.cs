namespace Tandem.Runtime.Images;

/// <summary>
/// Reads skopeo's per-blob lines (<c>Copying blob sha256:…</c>, <c>Copying config …</c>,
/// <c>Writing manifest</c>) into progress stages. Without a terminal skopeo prints no byte
/// counts, so progress is per layer; byte totals come from the manifest once it is written.
/// </summary>
internal sealed class PullProgressParser(string image, IProgress<PullProgress>? progress)
{
    private int _layersStarted;

    public void OnLine(string line)
    {
        if (progress is null)
        {
            return;
        }
        if (line.StartsWith("Copying blob ", StringComparison.Ordinal))
        {
            _layersStarted++;
            var digest = line["Copying blob ".Length..].Trim();
            progress.Report(new PullProgress(image, 0, null, _layersStarted - 1, _layersStarted, $"copying layer {Short(digest)}"));
        }
        else if (line.StartsWith("Copying config ", StringComparison.Ordinal))
        {
            progress.Report(new PullProgress(image, 0, null, _layersStarted, _layersStarted, "copying config"));
        }
        else if (line.StartsWith("Writing manifest", StringComparison.Ordinal))
        {
            progress.Report(new PullProgress(image, 0, null, _layersStarted, _layersStarted, "writing manifest"));
        }
    }

    private static string Short(string digest) => digest.Length > 19 ? digest[..19] : digest;
}
