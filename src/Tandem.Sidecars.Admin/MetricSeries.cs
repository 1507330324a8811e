namespace Tandem.Sidecars.Admin;

/// <summary>
/// One labelled time series of one instrument. Writers are request threads, the reader is a
/// scrape, so every field is updated with interlocked operations and never under a lock.
/// </summary>
internal sealed class MetricSeries
{
    private readonly double[]? _bounds;
    private readonly long[]? _bucketCounts;
    private double _value;
    private long _count;

    public MetricSeries(string labels, double[]? histogramBounds)
    {
        Labels = labels;
        _bounds = histogramBounds;
        // One slot per bound plus the +Inf bucket.
        _bucketCounts = histogramBounds is null ? null : new long[histogramBounds.Length + 1];
    }

    /// <summary>The label set in exposition form, <c>{a="1",b="2"}</c>, or empty.</summary>
    public string Labels { get; }

    /// <summary>Counter total, gauge value, or histogram sum.</summary>
    public double Value => Volatile.Read(ref _value);

    public long Count => Interlocked.Read(ref _count);

    public void Add(double delta)
    {
        var current = Volatile.Read(ref _value);
        while (true)
        {
            var seen = Interlocked.CompareExchange(ref _value, current + delta, current);
            if (seen.Equals(current))
            {
                return;
            }
            current = seen;
        }
    }

    public void Set(double value) => Volatile.Write(ref _value, value);

    public void Observe(double value)
    {
        var bounds = _bounds!;
        // Prometheus buckets are "less than or equal": the first bound >= value takes it.
        var index = Array.BinarySearch(bounds, value);
        if (index < 0)
        {
            index = ~index;
        }
        Interlocked.Increment(ref _bucketCounts![index]);
        Interlocked.Increment(ref _count);
        Add(value);
    }

    /// <summary>Per-bucket (not cumulative) counts; the last one is the +Inf bucket.</summary>
    public long[] BucketCounts()
    {
        var counts = _bucketCounts!;
        var copy = new long[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            copy[i] = Interlocked.Read(ref counts[i]);
        }
        return copy;
    }
}
