using System.Globalization;

namespace SnowOps.Chaos;

/// <summary>The faults a run can inject while the bot side streams its completions.</summary>
public enum Fault
{
    /// <summary>Nothing goes wrong: the baseline the others are read against.</summary>
    None,
    /// <summary>The Dispatch process is killed with SIGKILL and started again.</summary>
    KillDispatch,
    /// <summary>The Status process is killed with SIGKILL and started again.</summary>
    KillStatus,
    /// <summary>The RabbitMQ node is stopped and started again.</summary>
    RestartRabbitMq,
    /// <summary>PostgreSQL is restarted with pg_ctl.</summary>
    RestartPostgres,
}

/// <summary>What a chaos run does: how many completions, how fast, which faults, and where the hosts and the infra scripts are.</summary>
public sealed record ChaosOptions(int Events, int Rate, double FaultAt, IReadOnlyList<Fault> Faults, string Repo)
{
    public const string Usage =
        "usage: chaos [--events 10000] [--rate 500] [--fault-at 0.3] [--faults none,kill-dispatch,kill-status,rabbitmq,postgres] [--repo DIR]";

    static readonly Dictionary<string, Fault> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = Fault.None,
        ["kill-dispatch"] = Fault.KillDispatch,
        ["kill-status"] = Fault.KillStatus,
        ["rabbitmq"] = Fault.RestartRabbitMq,
        ["postgres"] = Fault.RestartPostgres,
    };

    public static string Describe(Fault fault) => fault switch
    {
        Fault.None => "none (baseline)",
        Fault.KillDispatch => "SIGKILL Dispatch, restart",
        Fault.KillStatus => "SIGKILL Status, restart",
        Fault.RestartRabbitMq => "restart RabbitMQ",
        Fault.RestartPostgres => "restart PostgreSQL",
        _ => fault.ToString(),
    };

    /// <summary>The options, or null (with the reason on stderr) when they do not make sense.</summary>
    public static ChaosOptions? Parse(string[] args)
    {
        var options = new ChaosOptions(10_000, 500, 0.3, [.. Names.Values], FindRepo(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory());
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--events" when int.TryParse(value, CultureInfo.InvariantCulture, out var events) && events is > 0 and <= 10_000:
                    options = options with { Events = events };
                    break;
                case "--rate" when int.TryParse(value, CultureInfo.InvariantCulture, out var rate) && rate > 0:
                    options = options with { Rate = rate };
                    break;
                case "--fault-at" when double.TryParse(value, CultureInfo.InvariantCulture, out var share) && share is > 0 and < 1:
                    options = options with { FaultAt = share };
                    break;
                case "--faults" when value is not null && value.Split(',').All(Names.ContainsKey):
                    options = options with { Faults = [.. value.Split(',').Select(n => Names[n])] };
                    break;
                case "--repo" when Directory.Exists(value):
                    options = options with { Repo = Path.GetFullPath(value) };
                    break;
                default:
                    Console.Error.WriteLine($"chaos: '{args[i]} {value}' is not understood (at most 10,000 events: a plan line holds that many tasks).");
                    return null;
            }
            i++;
        }
        return options;
    }

    static string? FindRepo(string from)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SnowOps.sln")))
                return dir.FullName;
        }
        return null;
    }
}
