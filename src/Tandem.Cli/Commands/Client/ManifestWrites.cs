namespace Tandem.Cli.Commands.Client;

/// <summary>
/// The loop <c>apply</c> and <c>create</c> share: one write per object of the manifests, one line per object (kubectl's
/// words, or only the name with <c>-o name</c>), a failed object reported and the rest still written, exit 1 if any failed.
/// </summary>
internal static class ManifestWrites
{
    public static async Task<int> RunAsync(ClientContext context, IEnumerable<string> files, bool nameOnly, string gerund,
        Func<ManifestObjects.Item, CancellationToken, Task<string>> write, CancellationToken cancellationToken)
    {
        var failed = false;
        foreach (var item in ManifestObjects.Read(files, context))
        {
            try
            {
                var outcome = await write(item, cancellationToken);
                await context.Out.WriteLineAsync(nameOnly ? item.DisplayName : $"{item.DisplayName} {outcome}");
            }
            catch (Api.ApiException ex)
            {
                await context.Error.WriteLineAsync(ClientErrors.FromServer(ex, $"error when {gerund} \"{item.Source}\": "));
                failed = true;
            }
        }
        return failed ? ExitCodes.Failure : ExitCodes.Success;
    }
}
