using System.Buffers;

namespace Tandem.Sidecars.LogShipper.Outputs;

/// <summary>
/// A request body copied out of an output's shared encoder into a pooled array, so the encoder
/// can serve the next batch while this one is in flight.
/// </summary>
public sealed class EncodedBody : IDisposable
{
    /// <summary>
    /// Its own small pool rather than the shared one: bodies are large-object-heap arrays, and the
    /// shared pool keeps several per core and per thread, which held 16 MiB at full speed.
    /// A few per size cover the batches in flight.
    /// </summary>
    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(maxArrayLength: 64 << 20, maxArraysPerBucket: 4);

    private byte[]? _array;

    public EncodedBody(ReadOnlySpan<byte> encoded)
    {
        _array = Pool.Rent(encoded.Length);
        encoded.CopyTo(_array);
        Memory = _array.AsMemory(0, encoded.Length);
    }

    public ReadOnlyMemory<byte> Memory { get; }

    public void Dispose()
    {
        if (_array is not null)
        {
            Pool.Return(_array);
            _array = null;
        }
    }
}
