using Tandem.Cli;

return await TandemCommandLine.InvokeAsync(args);
