namespace Tandem.Sidecars.LogShipper.Tests.Support;

/// <summary>Configuration files for tests: fast scans and polls so tests finish quickly, admin off unless asked.</summary>
public static class ShipperYaml
{
    public static string FileToHttp(string dataDir, string include, string url, string extraInput = "", string extraRoot = "", string output = "") => $"""
        dataDir: {dataDir}
        inputs:
          - type: file
            include: ["{include}"]
            pollInterval: 20ms
            scanInterval: 100ms
            rotateWait: 1s
            {Indent(extraInput, 4)}
        outputs:
          - type: http
            url: {url}
            {Indent(output, 4)}
        batch:
          maxWait: 20ms
          maxEvents: 500
        retry:
          initialBackoff: 20ms
          maxBackoff: 200ms
        admin:
          enabled: false
        shutdownTimeout: 20s
        {extraRoot}
        """;

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select((l, i) => i == 0 ? l : new string(' ', spaces) + l));
}
