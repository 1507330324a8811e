namespace Tandem.Sidecars.LogShipper.Configuration;

public enum InputType
{
    File,
    Stdin,
}
