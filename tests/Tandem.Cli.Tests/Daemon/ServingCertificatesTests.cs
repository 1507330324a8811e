using System.Net;
using System.Security.Cryptography.X509Certificates;
using Tandem.Cli.Daemon;

namespace Tandem.Cli.Tests.Daemon;

public sealed class ServingCertificatesTests : IDisposable
{
    private readonly DaemonLayout _layout = new(Directory.CreateTempSubdirectory("tandem-pki-").FullName);

    [Fact]
    public void LoadOrCreate_IssuesALoopbackServingCertificate_ThatChainsToTheCa_WithOwnerOnlyKeys()
    {
        var pki = ServingCertificates.LoadOrCreate(_layout, TimeProvider.System);

        Assert.True(pki.Server.HasPrivateKey);
        var names = pki.Server.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["localhost"], names.EnumerateDnsNames());
        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], names.EnumerateIPAddresses());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(X509Certificate2.CreateFromPem(pki.CaPem));
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.1"));
        Assert.True(chain.Build(pki.Server), string.Join(", ", chain.ChainStatus.Select(s => s.StatusInformation)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_layout.CaKey));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_layout.ServerKey));
    }

    [Fact]
    public void LoadOrCreate_Again_ReusesTheSameCaAndCertificate_SoKubeconfigsStayValid()
    {
        var first = ServingCertificates.LoadOrCreate(_layout, TimeProvider.System);
        var second = ServingCertificates.LoadOrCreate(_layout, TimeProvider.System);

        Assert.Equal(first.CaPem, second.CaPem);
        Assert.Equal(first.Server.Thumbprint, second.Server.Thumbprint);
    }

    [Fact]
    public void LoadOrCreate_NearTheServingCertificatesEnd_RenewsItUnderTheSameCa()
    {
        var clock = new Tandem.Testing.ManualTimeProvider(DateTimeOffset.UtcNow);
        var first = ServingCertificates.LoadOrCreate(_layout, clock);
        clock.Advance(TimeSpan.FromDays(340));

        var renewed = ServingCertificates.LoadOrCreate(_layout, clock);

        Assert.Equal(first.CaPem, renewed.CaPem);
        Assert.NotEqual(first.Server.Thumbprint, renewed.Server.Thumbprint);
    }

    [Fact]
    public void BearerToken_IsMadeOnce_OwnerOnly_AndReused()
    {
        var token = BearerToken.LoadOrCreate(_layout.TokenFile);

        Assert.True(token.Length >= 43, token);
        Assert.Equal(token, BearerToken.LoadOrCreate(_layout.TokenFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_layout.TokenFile));
    }

    public void Dispose() => Directory.Delete(_layout.StateDirectory, recursive: true);
}
