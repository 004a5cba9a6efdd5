namespace SnowOps.Dispatch;

/// <summary>Reads an enum value a caller wrote by name (any case); numbers and combinations ("7", "1,2") are not names.</summary>
public static class EnumNames
{
    public static T? Parse<T>(string? text) where T : struct, Enum =>
        text is not null && Enum.GetNames<T>().FirstOrDefault(n => n.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<T>(name)
            : null;
}
