namespace Tandem.Runtime.Runc;

/// <summary>Letting go of sandboxes without stopping them, and taking over the ones an earlier process left.</summary>
public sealed partial class RuncSandboxRuntime
{
    /// <summary>
    /// Serves the hostPorts of the ready sandboxes an earlier process left and watches their holders again. A
    /// hostPort that cannot be published (someone else took the port meanwhile) is logged and skipped: the pod runs on.
    /// </summary>
    internal int Recover()
    {
        var adopted = 0;
        foreach (var record in _records.All().Where(r => r.Ready))
        {
            adopted++;
            if (!_forwarders.ContainsKey(record.Id) && File.Exists($"/run/netns/{record.NetnsName}"))
            {
                try
                {
                    StartForwarders(record.Id, record);
                }
                catch (RuntimeException e)
                {
                    Log.HostPortLost(_logger, record.Id, e.Message);
                }
            }
            if (!record.PinnedNamespaces && record.HolderPid > 0 && !_holders.ContainsKey(record.Id)
                && ProcessExitWatcher.Watch(record.HolderPid, _stopping.Token) is { } holder)
            {
                _holders[record.Id] = holder;
            }
        }
        return adopted;
    }

    /// <summary>Closes the hostPort listeners and stops watching holders; sandboxes, namespaces and mounts stay.</summary>
    internal async Task DetachAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var id in _forwarders.Keys.ToList())
        {
            if (_forwarders.TryRemove(id, out var forwarder))
            {
                await forwarder.DisposeAsync().ConfigureAwait(false);
            }
        }
        foreach (var id in _holders.Keys.ToList())
        {
            if (_holders.TryRemove(id, out var holder))
            {
                holder.Dispose();
            }
        }
    }
}
