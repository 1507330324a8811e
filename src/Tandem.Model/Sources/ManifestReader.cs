using System.Text;

namespace Tandem.Model.Sources;

/// <summary>
/// Reads manifest files (YAML, multi-document YAML, or JSON) into JSON trees with the position of
/// every key and value, typing scalars the way kubectl does. Bad input of any kind, however
/// large or hostile, comes back as a <see cref="ManifestReadError"/> within the limits of
/// <see cref="ManifestReaderOptions"/>; nothing here throws for bad input.
/// </summary>
public static class ManifestReader
{
    /// <summary>The source name for standard input, as kubectl's <c>-f -</c>.</summary>
    public const string StandardInput = "-";

    /// <summary>Reads the file at <paramref name="path"/>; positions name it as given.</summary>
    public static ManifestReadResult ReadFile(string path, ManifestReaderOptions? options = null)
    {
        options ??= ManifestReaderOptions.Default;
        return Run(() => Parse(ManifestText.Decode(ManifestInput.ReadFile(path, options.MaxFileBytes), path), path, options));
    }

    /// <summary>Reads manifest text already in memory; <paramref name="sourceName"/> names it in positions.</summary>
    public static ManifestReadResult Read(string text, string sourceName, ManifestReaderOptions? options = null)
    {
        options ??= ManifestReaderOptions.Default;
        return Run(() =>
        {
            // A char is at least one UTF-8 byte, so the cheap length test settles most cases.
            if (text.Length > options.MaxFileBytes || Encoding.UTF8.GetByteCount(text) > options.MaxFileBytes)
            {
                throw ManifestInput.TooLarge(sourceName, options.MaxFileBytes, Encoding.UTF8.GetByteCount(text));
            }
            return Parse(ManifestText.Check(text, sourceName), sourceName, options);
        });
    }

    /// <summary>Reads a stream to its end (standard input by default name), stopping at the size limit.</summary>
    public static ManifestReadResult Read(Stream stream, string sourceName = StandardInput, ManifestReaderOptions? options = null)
    {
        options ??= ManifestReaderOptions.Default;
        return Run(() =>
            Parse(ManifestText.Decode(ManifestInput.ReadBounded(stream, sourceName, options.MaxFileBytes), sourceName), sourceName, options));
    }

    /// <summary>Like <see cref="Read(Stream, string, ManifestReaderOptions?)"/>, without blocking a thread on the stream.</summary>
    public static async Task<ManifestReadResult> ReadAsync(Stream stream, string sourceName = StandardInput,
        ManifestReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= ManifestReaderOptions.Default;
        byte[] bytes;
        try
        {
            bytes = await ManifestInput.ReadBoundedAsync(stream, sourceName, options.MaxFileBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (ManifestReadException error)
        {
            return ManifestReadResult.Failure(error.Error);
        }
        return Run(() => Parse(ManifestText.Decode(bytes, sourceName), sourceName, options));
    }

    private static List<ManifestDocument> Parse(string text, string sourceName, ManifestReaderOptions options)
    {
        var reader = new DocumentReader(sourceName, options);
        var documents = new List<ManifestDocument>();
        if (JsonObjectStream.TrySplit(text, out var parts))
        {
            foreach (var part in parts)
            {
                reader.Read(text.Substring(part.Start, part.Length), part.Line, part.Column, documents);
            }
        }
        else
        {
            reader.Read(text, 1, 1, documents);
        }
        return documents;
    }

    private static ManifestReadResult Run(Func<List<ManifestDocument>> read)
    {
        try
        {
            return ManifestReadResult.Success(read());
        }
        catch (ManifestReadException error)
        {
            return ManifestReadResult.Failure(error.Error);
        }
    }
}
