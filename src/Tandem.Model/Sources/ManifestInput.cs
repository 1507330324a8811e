namespace Tandem.Model.Sources;

/// <summary>
/// Gets the bytes of a file or stream without ever holding more than the size limit: a file is
/// measured before it is opened for reading, a stream is read until it passes the limit.
/// </summary>
internal static class ManifestInput
{
    private const int ChunkSize = 64 * 1024;

    public static byte[] ReadFile(string path, long maxBytes)
    {
        try
        {
            if (Directory.Exists(path))
            {
                throw Fail(path, "is a directory, not a file; name a manifest file inside it");
            }
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            // Named pipes and character devices cannot tell their length; the read below still stops at the limit.
            if (stream.CanSeek && stream.Length > maxBytes)
            {
                throw TooLarge(path, maxBytes, stream.Length);
            }
            return ReadBounded(stream, path, maxBytes);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Fail(path, "file not found; check the path");
        }
        catch (UnauthorizedAccessException)
        {
            throw Fail(path, "permission denied; check the file's permissions");
        }
        catch (IOException error)
        {
            throw Fail(path, $"cannot read the file ({error.Message})");
        }
        catch (Exception error) when (error is ArgumentException or NotSupportedException)
        {
            throw Fail(path, "is not a valid file path; check the path");
        }
    }

    public static byte[] ReadBounded(Stream stream, string source, long maxBytes)
    {
        try
        {
            return ReadChunks(stream, source, maxBytes);
        }
        catch (IOException error)
        {
            throw Fail(source, $"cannot read the input ({error.Message})");
        }
    }

    private static byte[] ReadChunks(Stream stream, string source, long maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkSize];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(source, maxBytes, null);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static async Task<byte[]> ReadBoundedAsync(Stream stream, string source, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadChunksAsync(stream, source, maxBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException error)
        {
            throw Fail(source, $"cannot read the input ({error.Message})");
        }
    }

    private static async Task<byte[]> ReadChunksAsync(Stream stream, string source, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkSize];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(source, maxBytes, null);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static ManifestReadException TooLarge(string source, long maxBytes, long? actual) => Fail(source,
        (actual is { } size ? $"the input is {size:N0} bytes" : "the input is larger than that")
        + $", more than the {maxBytes:N0} bytes a manifest may have; "
        + "split it into smaller files");

    private static ManifestReadException Fail(string source, string message) =>
        new(new ManifestReadError(message, new SourceLocation(source, 0, 0)));
}
