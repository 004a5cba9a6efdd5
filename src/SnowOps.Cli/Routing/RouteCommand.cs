using System.CommandLine;

namespace SnowOps.Cli.Routing;

/// <summary><c>snowops route …</c>: plow route planning from the command line.</summary>
public static class RouteCommand
{
    public static Command Create()
    {
        var route = new Command("route", "Plow route planning.");
        route.Subcommands.Add(ScaleCommand.Create());
        return route;
    }
}
