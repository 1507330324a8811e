using System.Text.Encodings.Web;
using System.Text.Json;
using Tandem.Runtime;

namespace Tandem.Cli.Images;

/// <summary>
/// <c>tandem image ls -o json</c>: <c>{"images": [{"id", "repoTags", "repoDigests", "size"}]}</c>,
/// the field names of <c>crictl images -o json</c>, with the size as a number of bytes.
/// </summary>
public static class ImageJsonWriter
{
    public static void Write(IEnumerable<ImageInfo> images, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("images");
            foreach (var image in images.OrderBy(i => i.RepoTags.FirstOrDefault() ?? i.Id, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("id", image.Id);
                WriteStrings(json, "repoTags", image.RepoTags);
                WriteStrings(json, "repoDigests", image.RepoDigests);
                json.WriteNumber("size", image.SizeBytes);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }
}
