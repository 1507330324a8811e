using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Tandem.Sidecars.Proxy.Tests.Support;

/// <summary>A real Kestrel app on 127.0.0.1 with a free port, standing in for the app behind the proxy.</summary>
public sealed class TestBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestBackend(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<TestBackend> StartAsync(RequestDelegate handler, HttpProtocols protocols = HttpProtocols.Http1, bool webSockets = false)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0, l => l.Protocols = protocols);
            k.Limits.MinRequestBodyDataRate = null;
        });
        if (webSockets)
        {
            builder.Services.AddOptions();
        }
        var app = builder.Build();
        if (webSockets)
        {
            app.UseWebSockets();
        }
        app.Run(handler);
        await app.StartAsync();
        return new TestBackend(app, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        // Bounded: a test that failed may leave a request open, and the next test must still run.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
