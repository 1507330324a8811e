using Tandem.Model.Images;

namespace Tandem.Model.Tests.Images;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("busybox", "docker.io/library/busybox", "latest")]
    [InlineData("busybox:1.36", "docker.io/library/busybox:1.36", "1.36")]
    [InlineData("nginx/nginx-ingress:3", "docker.io/nginx/nginx-ingress:3", "3")]
    [InlineData("localhost:5000/app", "localhost:5000/app", "latest")]
    [InlineData("127.0.0.1:5000/team/app:v1", "127.0.0.1:5000/team/app:v1", "v1")]
    [InlineData("ghcr.io/org/tool:2.0", "ghcr.io/org/tool:2.0", "2.0")]
    [InlineData("localhost/app", "localhost/app", "latest")]
    public void TryParse_NormalisesLikeTheContainerRuntimes(string image, string full, string tag)
    {
        var reference = ImageReference.TryParse(image)!;

        Assert.Equal(full, reference.ToString());
        Assert.Equal(tag, reference.EffectiveTag);
    }

    [Fact]
    public void TryParse_DigestWithoutTag_HasNoEffectiveTag()
    {
        var reference = ImageReference.TryParse("busybox@sha256:abcd")!;

        Assert.Equal("sha256:abcd", reference.Digest);
        Assert.Null(reference.EffectiveTag);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" busybox")]
    [InlineData("busybox:")]
    [InlineData("a//b")]
    [InlineData("https://registry/x")]
    [InlineData("busybox@nodigest")]
    public void TryParse_Malformed_IsNull(string image)
    {
        Assert.Null(ImageReference.TryParse(image));
    }
}
