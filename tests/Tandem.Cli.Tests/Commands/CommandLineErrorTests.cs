namespace Tandem.Cli.Tests.Commands;

// These tests swap the process-wide console writers, so they must not run beside each other.
[Collection("Console")]
public sealed class CommandLineErrorTests
{
    [Fact]
    public async Task UnknownCommand_IsAUsageError_WithExitCode2()
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(ExitCodes.UsageOrInput, await TandemCommandLine.InvokeAsync(["frobnicate"]));
        }
        finally
        {
            Console.SetError(previous);
        }
        Assert.Contains("Unrecognized command or argument 'frobnicate'", error.ToString());
        Assert.Contains("Run 'tandem --help' for usage.", error.ToString());
    }

    [Fact]
    public async Task Help_IsNotAnError()
    {
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        try
        {
            Assert.Equal(ExitCodes.Success, await TandemCommandLine.InvokeAsync(["--help"]));
        }
        finally
        {
            Console.SetOut(previous);
        }
        Assert.Contains("lint", output.ToString());
    }
}
