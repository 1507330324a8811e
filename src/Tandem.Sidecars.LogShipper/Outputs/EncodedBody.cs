using System.Buffers;

namespace Tandem.Sidecars.LogShipper.Outputs;

/// <summary>
/// A request body copied out of an output's shared encoder into a pooled array, so the encoder
/// can serve the next batch while this one is in flight.
/// </summary>
public sealed class EncodedBody : IDisposable
{
    private byte[]? _array;

    public EncodedBody(ReadOnlySpan<byte> encoded)
    {
        _array = ArrayPool<byte>.Shared.Rent(encoded.Length);
        encoded.CopyTo(_array);
        Memory = _array.AsMemory(0, encoded.Length);
    }

    public ReadOnlyMemory<byte> Memory { get; }

    public void Dispose()
    {
        if (_array is not null)
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = null;
        }
    }
}
