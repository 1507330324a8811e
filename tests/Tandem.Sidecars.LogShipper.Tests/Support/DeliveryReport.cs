namespace Tandem.Sidecars.LogShipper.Tests.Support;

/// <summary>Lost and duplicated ids: what was written against what the sink received.</summary>
public sealed record DeliveryReport(int Written, int Received, int Lost, int Duplicates, IReadOnlyList<string> FirstLost)
{
    public static DeliveryReport Of(IEnumerable<string> written, IEnumerable<string> receivedMessages)
    {
        var expected = written.ToHashSet();
        var ids = receivedMessages.Select(SequenceWriter.IdOf).Where(id => id is not null).Select(id => id!).ToList();
        var distinct = ids.ToHashSet();
        var lost = expected.Where(id => !distinct.Contains(id)).Order().ToList();
        return new DeliveryReport(expected.Count, ids.Count, lost.Count, ids.Count - distinct.Count, [.. lost.Take(10)]);
    }

    public bool Complete(IEnumerable<string> written, IEnumerable<string> receivedMessages) => Of(written, receivedMessages).Lost == 0;

    public override string ToString() => $"written {Written}, received {Received}, lost {Lost}, duplicates {Duplicates}" + (Lost > 0 ? $", first lost: {string.Join(", ", FirstLost)}" : "");
}
