namespace SnowOps.Optimizer.Carp;

/// <summary>A CARP file that cannot be read, with the line at fault.</summary>
public sealed class CarpFormatException(string message) : Exception(message);
