using System.Text;
using System.Text.RegularExpressions;
using Tandem.Sidecars.LogShipper.Configuration;

namespace Tandem.Sidecars.LogShipper.Inputs;

/// <summary>
/// Joins continuation lines to the line that started the event (a stack trace to its exception
/// line). An event ends at the next start line, after the timeout with no new line, or at the
/// maximum size (further lines of it are dropped and it is marked truncated).
/// </summary>
public sealed class MultilineJoiner(MultilineConfig config)
{
    private readonly Regex _start = new(config.StartPattern, RegexOptions.CultureInvariant | RegexOptions.Compiled);
    private readonly List<byte> _event = [];
    private RawLine _last;
    private DateTimeOffset? _firstTime;
    private bool _pending;
    private bool _truncated;
    private long _lastAppendTicks;

    public void Push(RawLine line, long nowTimestamp, List<RawLine> output)
    {
        if (_pending && _start.IsMatch(Encoding.UTF8.GetString(line.Bytes)))
        {
            Emit(output);
        }
        if (_pending)
        {
            var room = (int)config.MaxBytes.Bytes - _event.Count;
            if (room > 1)
            {
                _event.Add((byte)'\n');
                _event.AddRange(line.Bytes.AsSpan(0, Math.Min(room - 1, line.Bytes.Length)));
            }
            _truncated |= line.Truncated || line.Bytes.Length + 1 > room;
        }
        else
        {
            _event.AddRange(line.Bytes.AsSpan(0, (int)Math.Min(config.MaxBytes.Bytes, line.Bytes.Length)));
            _truncated = line.Truncated || line.Bytes.Length > config.MaxBytes.Bytes;
            _firstTime = line.Time;
            _pending = true;
        }
        _last = line;
        _lastAppendTicks = nowTimestamp;
    }

    /// <summary>Emits the pending event if no line came for the timeout, or unconditionally when <paramref name="force"/>.</summary>
    public void Flush(TimeProvider time, bool force, List<RawLine> output)
    {
        if (_pending && (force || time.GetElapsedTime(_lastAppendTicks) >= config.Timeout))
        {
            Emit(output);
        }
    }

    public void Reset()
    {
        _event.Clear();
        _pending = false;
        _truncated = false;
    }

    private void Emit(List<RawLine> output)
    {
        // The event happened when its first line was written; it ends (for checkpoints) where its last line ends.
        output.Add(_last with { Bytes = [.. _event], Truncated = _truncated, Time = _firstTime });
        Reset();
    }
}
