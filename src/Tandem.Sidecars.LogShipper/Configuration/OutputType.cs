namespace Tandem.Sidecars.LogShipper.Configuration;

public enum OutputType
{
    Stdout,
    File,
    Http,
    Loki,
    Elasticsearch,
    Otlp,
    Syslog,
}
