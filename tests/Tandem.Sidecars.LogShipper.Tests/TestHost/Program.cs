using Tandem.Sidecars.LogShipper;

// Same entry as `tandem ship --config FILE`, without the CLI's other dependencies.
return args is ["--config", var file]
    ? await ShipProgram.RunAsync(file, Console.Error)
    : 2;
