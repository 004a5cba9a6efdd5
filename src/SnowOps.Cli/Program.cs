using System.CommandLine;
using SnowOps.Cli;

var root = new RootCommand("snowops: the SnowOps command line.");
root.Subcommands.Add(TokenCommand.Create());
return await root.Parse(args).InvokeAsync();
