namespace Tandem.Cli.Tests.Images;

// These tests swap the process-wide console writers, so they must not run beside each other.
[Collection("Console")]
public sealed class ImageUsageTests
{
    [Theory]
    [InlineData("image", "rm")]
    [InlineData("image", "import", "busybox.tar")]
    [InlineData("image", "pull")]
    [InlineData("image", "ls", "--bogus")]
    public async Task WrongCommandLine_IsAUsageError_WithExit2_BeforeTouchingAnyState(params string[] args)
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        int exit;
        try
        {
            exit = await TandemCommandLine.InvokeAsync([.. args, "--state-dir", "/nonexistent/tandem-usage-test"]);
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.Equal(ExitCodes.UsageOrInput, exit);
        Assert.StartsWith("tandem: ", error.ToString());
        Assert.False(Directory.Exists("/nonexistent/tandem-usage-test"));
    }
}
