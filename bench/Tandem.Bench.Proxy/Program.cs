using Tandem.Bench.Proxy;

// Two jobs: "load" is the open-loop load generator, "proxy" hosts the proxy sidecar exactly as
// `tandem proxy` does (same ProxyHost), so the benchmark can run it from a Release build of this project.
return args.FirstOrDefault() switch
{
    "load" => OpenLoopLoad.Run(args[1..]),
    "proxy" => await ProxyRunner.RunAsync(args[1..]),
    "token" => TokenTool.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Tandem.Bench.Proxy load --url http://127.0.0.1:8080/ [--rate 1000] [--connections 16] [--duration 60] [--warmup 15]");
    Console.Error.WriteLine("       Tandem.Bench.Proxy proxy --config proxy.yaml");
    Console.Error.WriteLine("       Tandem.Bench.Proxy token DIR      (writes DIR/jwks.json, prints a token)");
    return 2;
}
