using Microsoft.AspNetCore.Http;
using Tandem.Model.CoreV1;
using Tandem.Node.Logs;
using Tandem.Server.Http;
using Tandem.Server.Resources;
using Tandem.Server.Storage;

namespace Tandem.Server.Logs;

/// <summary>
/// <c>GET …/pods/{name}/log</c> (spec 10): the container instance's CRI log read as the kubelet serves it, as
/// <c>text/plain</c>; with <c>follow</c> a chunked stream flushed per line that ends when the container exits.
/// </summary>
internal static class PodLogEndpoint
{
    public static async Task ServeAsync(HttpContext context, ApiContext api, string @namespace, string name)
    {
        var stored = api.Store.Get(ResourceKinds.Pods, @namespace, name) ?? throw Errors.NotFound("pods", name);
        var pod = (Pod)stored.Object;
        var request = LogRequest.Parse(context.Request.Query, api.Options.Time.GetUtcNow());
        var container = request.ChooseContainer(pod);
        var status = StatusOf(pod, container);
        var restartCount = status?.RestartCount ?? 0;
        var uid = pod.Metadata?.Uid ?? "";
        var paths = api.Kubelet.Options.Logs;
        string path;
        if (request.Previous)
        {
            path = paths.Previous(@namespace, name, uid, container, restartCount)
                ?? throw Errors.BadRequest($"previous terminated container \"{container}\" in pod \"{name}\" not found");
        }
        else
        {
            path = paths.InstanceLog(@namespace, name, uid, container, restartCount);
            if (!File.Exists(path))
            {
                var reason = status?.State?.Waiting?.Reason ?? "ContainerCreating";
                throw Errors.BadRequest($"container \"{container}\" in pod \"{name}\" is waiting to start: {reason}");
            }
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var exited = request.Previous ? Task.CompletedTask : ExitedAsync(api, @namespace, name, uid, container, restartCount, stop.Token);
        var reader = new ContainerLogReader(api.Time);
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = "text/plain";
        try
        {
            await foreach (var line in reader.ReadAsync(path, request.Read, exited, stop.Token).ConfigureAwait(false))
            {
                await response.Body.WriteAsync(line.Content, stop.Token).ConfigureAwait(false);
                if (request.Read.Follow)
                {
                    await response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
                }
            }
        }
        catch (FileNotFoundException) when (!response.HasStarted)
        {
            throw Errors.BadRequest($"container \"{container}\" in pod \"{name}\" is waiting to start: ContainerCreating");
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }

    private static ContainerStatus? StatusOf(Pod pod, string container) =>
        (pod.Status?.ContainerStatuses ?? []).Concat(pod.Status?.InitContainerStatuses ?? []).FirstOrDefault(s => s.Name == container);

    /// <summary>Completes when the instance <paramref name="restartCount"/> of the container is no longer running (or the pod is gone).</summary>
    private static async Task ExitedAsync(ApiContext api, string @namespace, string name, string uid, string container, int restartCount, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var changed = api.Store.Changed;
            var current = api.Store.Get(ResourceKinds.Pods, @namespace, name);
            if (current is null || current.Uid != uid || current.Object is not Pod pod
                || StatusOf(pod, container) is not { } status
                || status.RestartCount != restartCount
                || status.State?.Running is null)
            {
                return;
            }
            try
            {
                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
