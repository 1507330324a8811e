namespace Tandem.Runtime;

/// <summary>How far a pull has come, for progress bars.</summary>
public sealed record PullProgress(string Image, long BytesDone, long? BytesTotal, int LayersDone, int LayersTotal, string Stage);
