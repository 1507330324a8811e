using Tandem.Cli.Images;
using Tandem.Runtime;

namespace Tandem.Cli.Tests.Images;

public sealed class ImageListingTests
{
    private const string BusyboxId = "sha256:962a7c0a6f7d2ffc08bb518e0562bbbf7ce0a8e61d49e5ddc8eb0811dd8ca52d";
    private const string OtherId = "sha256:5491b271c498dae8c48f657aa859385b66e6f047a4939441f14054b87034ba54";

    [Fact]
    public void Table_HasOneRowPerName_SortedByImage_WithShortIdAndHumanSize()
    {
        var images = new[]
        {
            new ImageInfo { Id = OtherId, RepoTags = ["localhost:5000/team/app:v2"], SizeBytes = 21_500_000 },
            new ImageInfo { Id = BusyboxId, RepoTags = ["docker.io/library/busybox:1.36", "docker.io/library/busybox:latest"], SizeBytes = 1_088_211 },
        };
        var output = new StringWriter();

        ImageTableWriter.Write(ImageRow.From(images), output);

        Assert.Equal(
            """
            IMAGE                       TAG      IMAGE ID       SIZE
            docker.io/library/busybox   1.36     962a7c0a6f7d   1.09MB
            docker.io/library/busybox   latest   962a7c0a6f7d   1.09MB
            localhost:5000/team/app     v2       5491b271c498   21.5MB

            """.ReplaceLineEndings("\n"),
            output.ToString());
    }

    [Fact]
    public void Row_ImagePulledOnlyByDigest_ShowsNoneAsTag()
    {
        var image = new ImageInfo { Id = BusyboxId, RepoDigests = ["127.0.0.1:5000/library/busybox@sha256:c0065d4377f28bc1f61e0eb666428c812a9df6bcc8845db8128501c1c9f0e167"] };

        var row = Assert.Single(ImageRow.From([image]));

        Assert.Equal(new ImageRow("127.0.0.1:5000/library/busybox", "<none>", "962a7c0a6f7d", 0), row);
    }

    [Fact]
    public void Json_HasCrictlFieldNames_AndSizeInBytes()
    {
        var output = new StringWriter();

        ImageJsonWriter.Write([new ImageInfo { Id = BusyboxId, RepoTags = ["docker.io/library/busybox:1.36"], SizeBytes = 1_088_211 }], output);

        using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        var image = Assert.Single(json.RootElement.GetProperty("images").EnumerateArray());
        Assert.Equal(BusyboxId, image.GetProperty("id").GetString());
        Assert.Equal("docker.io/library/busybox:1.36", Assert.Single(image.GetProperty("repoTags").EnumerateArray()).GetString());
        Assert.Empty(image.GetProperty("repoDigests").EnumerateArray());
        Assert.Equal(1_088_211, image.GetProperty("size").GetInt64());
    }

    [Theory]
    [InlineData(0, "0B")]
    [InlineData(999, "999B")]
    [InlineData(1_000, "1kB")]
    [InlineData(1_088_211, "1.09MB")]
    [InlineData(21_540_000, "21.5MB")]
    [InlineData(215_400_000, "215MB")]
    [InlineData(3_200_000_000, "3.2GB")]
    public void Size_UsesDecimalUnitsAndThreeDigits_LikeDockerImages(long bytes, string expected)
    {
        Assert.Equal(expected, ByteSize.Format(bytes));
    }
}
