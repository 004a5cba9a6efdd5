using SnowOps.Cli;

return await SnowOpsCli.InvokeAsync(args, Console.Out, Console.Error);
