namespace SnowOps.Heating.Registry;

/// <summary>Limits of the registry's imports, under <c>SnowOps:Heating</c>.</summary>
public sealed class RegistryOptions
{
    public const string Section = "SnowOps:Heating";

    /// <summary>The largest import body taken, in bytes (<c>SnowOps:Heating:ImportMaxBytes</c>); larger is refused with 413.</summary>
    public long ImportMaxBytes { get; set; } = 10 * 1024 * 1024;
}
