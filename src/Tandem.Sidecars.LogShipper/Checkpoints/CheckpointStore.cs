using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tandem.Sidecars.LogShipper.Checkpoints;

/// <summary>Loads and durably saves the checkpoint file (<c>checkpoints.json</c> in the data directory).</summary>
public sealed partial class CheckpointStore(string dataDir)
{
    public string FilePath { get; } = Path.Combine(dataDir, "checkpoints.json");

    public CheckpointFile Load()
    {
        if (!File.Exists(FilePath))
        {
            return new CheckpointFile(1, []);
        }
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(FilePath), CheckpointJson.Default.CheckpointFile) ?? new CheckpointFile(1, []);
        }
        catch (JsonException ex)
        {
            // The file is replaced atomically, so this is damage from outside; starting over re-sends, it never loses.
            throw new InvalidOperationException($"{FilePath}: the checkpoint file is damaged ({ex.Message}); move it away to re-read every file from the start", ex);
        }
    }

    public void Save(CheckpointFile file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        DurableFile.Replace(FilePath, JsonSerializer.SerializeToUtf8Bytes(file, CheckpointJson.Default.CheckpointFile));
    }

    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(CheckpointFile))]
    private sealed partial class CheckpointJson : JsonSerializerContext;
}
