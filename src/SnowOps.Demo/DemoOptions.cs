namespace SnowOps.Demo;

/// <summary>One simulated crew member: the crew it belongs to and the Telegram chat it talks to the bot from.</summary>
public sealed class DemoMember
{
    public string CrewId { get; set; } = "";
    public string Name { get; set; } = "";
    public long ChatId { get; set; }
}

/// <summary>The settings under <c>SnowOps:Demo</c>: whether it runs, and how fast its storm plays.</summary>
public sealed class DemoOptions
{
    public const string Section = "SnowOps:Demo";

    public bool Enabled { get; set; }

    /// <summary>
    /// The demo's data folder, emptied at every start. It replaces <c>SnowOps:DataDir</c>, whatever sets that (the
    /// launch profile points it at the real data folder), so the demo never writes into the city's data.
    /// </summary>
    public string DataDir { get; set; } = "data-demo";

    /// <summary>Seconds after the proposal before the demo's dispatcher activates the event; 0 leaves it to a person on the console.</summary>
    public double AutoActivateSeconds { get; set; } = 20;

    /// <summary>How far from the moment it is played the warning's onset lies (the dispatch clock then starts the clearing).</summary>
    public double OnsetSeconds { get; set; } = 40;

    /// <summary>How long a plow takes to drive its whole route.</summary>
    public double RouteSeconds { get; set; } = 120;

    /// <summary>Positions a plow shares along its route at most; 0 shares every segment end (every street shows as passed).</summary>
    public int StopsPerRoute { get; set; }

    /// <summary>How long a task without a route (a notice, a pile of snow at a crossing) takes.</summary>
    public double WorkSeconds { get; set; } = 8;

    /// <summary>How long a crew member takes to press the next button on a card.</summary>
    public double PressSeconds { get; set; } = 2;

    /// <summary>Homes measured on each temperature check.</summary>
    public int ReadingsPerCheck { get; set; } = 2;

    /// <summary>The share of the plow routes completed at which the demo's dispatcher marks the snow stopped.</summary>
    public double SnowStoppedAtPercent { get; set; } = 80;

    public List<DemoMember> Members { get; set; } = [];

    public void Validate()
    {
        if (AutoActivateSeconds < 0 || OnsetSeconds < 0 || RouteSeconds <= 0 || WorkSeconds < 0 || PressSeconds < 0)
            throw new InvalidOperationException($"{Section}: the times are seconds, not negative (RouteSeconds more than 0).");
        if (string.IsNullOrWhiteSpace(DataDir))
            throw new InvalidOperationException($"{Section}:DataDir is a folder.");
        if (StopsPerRoute < 0)
            throw new InvalidOperationException($"{Section}:StopsPerRoute is 0 or more.");
        if (ReadingsPerCheck is < 1 or > 10)
            throw new InvalidOperationException($"{Section}:ReadingsPerCheck is 1 to 10.");
        if (SnowStoppedAtPercent is < 0 or > 100)
            throw new InvalidOperationException($"{Section}:SnowStoppedAtPercent is 0 to 100.");
        if (Members.Any(m => string.IsNullOrWhiteSpace(m.CrewId) || m.ChatId <= 0) || Members.DistinctBy(m => m.ChatId).Count() != Members.Count)
            throw new InvalidOperationException($"{Section}:Members each need a CrewId and a ChatId of their own.");
    }
}
