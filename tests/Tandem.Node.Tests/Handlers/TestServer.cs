using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Tandem.Node.Tests.Handlers;

/// <summary>A real Kestrel server on 127.0.0.1 with a free port, speaking HTTP/1.1 or cleartext HTTP/2.</summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public static async Task<TestServer> StartAsync(RequestDelegate handler, HttpProtocols protocols = HttpProtocols.Http1)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = protocols));
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        var address = app.Urls.First();
        return new TestServer(app, new Uri(address).Port);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
