namespace Tandem.Runtime.Runc;

/// <summary>The sandbox records on disk (<c>sandboxes/&lt;id&gt;/sandbox.json</c>).</summary>
internal sealed class SandboxRecords(StateLayout layout)
{
    public SandboxRecord? Get(string id) =>
        id.Length is > 12 and <= 64 && id.All(char.IsAsciiLetterOrDigit) ? JsonFiles.Read<SandboxRecord>(PathOf(id)) : null;

    public void Save(SandboxRecord record) => JsonFiles.Write(PathOf(record.Id), record);

    public IReadOnlyList<SandboxRecord> All() =>
        Directory.Exists(layout.SandboxesDirectory)
            ? [.. Directory.EnumerateDirectories(layout.SandboxesDirectory)
                .Select(d => JsonFiles.Read<SandboxRecord>(Path.Combine(d, "sandbox.json")))
                .OfType<SandboxRecord>()
                .OrderBy(r => r.CreatedAt)]
            : [];

    private string PathOf(string id) => Path.Combine(layout.SandboxDirectory(id), "sandbox.json");
}
