using Tandem.Server.Storage;

namespace Tandem.Server.Resources;

/// <summary>Waits until the store shows what the node was asked to do (the node publishes asynchronously).</summary>
internal static class StoreWaits
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    /// <summary>The stored object once <paramref name="done"/> holds for it (null: absent), or what is there after <see cref="Limit"/>.</summary>
    public static async Task<StoredObject?> UntilAsync(ResourceStore store, ResourceKind kind, string @namespace, string name,
        Func<StoredObject?, bool> done, TimeProvider time, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        while (true)
        {
            var changed = store.Changed;
            var current = store.Get(kind, @namespace, name);
            if (done(current))
            {
                return current;
            }
            try
            {
                await changed.WaitAsync(Limit, time, limit.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                return store.Get(kind, @namespace, name);
            }
        }
    }
}
