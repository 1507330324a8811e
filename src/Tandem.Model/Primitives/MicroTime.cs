using System.Text.Json.Serialization;

namespace Tandem.Model.Primitives;

/// <summary>A timestamp with microsecond precision (metav1.MicroTime), used by events.</summary>
[JsonConverter(typeof(MicroTimeJsonConverter))]
public readonly record struct MicroTime(DateTimeOffset Value)
{
    public override string ToString() => Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
