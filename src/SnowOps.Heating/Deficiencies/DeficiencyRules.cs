namespace SnowOps.Heating.Deficiencies;

/// <summary>How soon deficiencies are repaired and re-checked, and when a compound is watched continuously. Bound from <see cref="Section"/>.</summary>
public sealed class DeficiencyRules
{
    public const string Section = "SnowOps:Heating";

    /// <summary>Hours from the measurement that found a deficiency to the repair's due time.</summary>
    public double RepairWithinHours { get; set; } = 24;

    /// <summary>Hours from a repair's completion to the re-check's due time.</summary>
    public double RecheckWithinHours { get; set; } = 24;

    /// <summary>Deficiencies of one compound within <see cref="RepeatedWithinDays"/> that flag it for continuous monitoring.</summary>
    public int RepeatedDeficiencies { get; set; } = 2;

    /// <summary>The window deficiencies are counted in.</summary>
    public double RepeatedWithinDays { get; set; } = 30;

    /// <summary>Why the rules cannot be used, or null when they can.</summary>
    public string? Problem() =>
        RepairWithinHours is > 0 and < 24 * 365 && RecheckWithinHours is > 0 and < 24 * 365 && RepeatedDeficiencies >= 1
        && RepeatedWithinDays is > 0 and <= 3650
            ? null
            : "SnowOps:Heating: RepairWithinHours and RecheckWithinHours must be positive hours under a year, RepeatedDeficiencies at least 1, "
              + "RepeatedWithinDays positive days up to 3650.";
}
