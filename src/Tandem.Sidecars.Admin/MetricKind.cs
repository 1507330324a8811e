namespace Tandem.Sidecars.Admin;

/// <summary>How measurements of an instrument combine into a series.</summary>
internal enum MetricKind
{
    /// <summary>Counter: deltas summed, exposed as <c>counter</c>.</summary>
    Counter,

    /// <summary>ObservableCounter: the callback reports the running total, exposed as <c>counter</c>.</summary>
    ObservedCounter,

    /// <summary>UpDownCounter: deltas summed, exposed as <c>gauge</c>.</summary>
    UpDownCounter,

    /// <summary>Gauge and observable gauges: last value wins, exposed as <c>gauge</c>.</summary>
    Gauge,

    /// <summary>Histogram: bucketed, exposed as <c>histogram</c>.</summary>
    Histogram,
}
