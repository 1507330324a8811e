using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tandem.Model.Primitives;

/// <summary>
/// metav1.Time: RFC 3339 in UTC with whole seconds (<c>2026-01-02T03:04:05Z</c>), the form the API
/// server writes; any RFC 3339 time is accepted on input.
/// </summary>
public sealed class RfcTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ParseRfc3339(reader.GetString());

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));

    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseRfc3339(string? text)
    {
        if (text is not null && text.Length >= 20 && text[10] is 'T' or 't'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }
        throw new JsonException($"\"{text}\" is not an RFC 3339 time such as 2026-01-02T03:04:05Z");
    }
}
