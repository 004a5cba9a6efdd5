using System.CommandLine;
using SnowOps.Cli;
using SnowOps.Cli.Bench;
using SnowOps.Cli.Routing;

var root = new RootCommand("snowops: the SnowOps command line.");
root.Subcommands.Add(TokenCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(RouteCommand.Create());
return await root.Parse(args).InvokeAsync();
