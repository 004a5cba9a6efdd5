using System.CommandLine;
using Microsoft.Extensions.Configuration;
using SnowOps.ServiceDefaults.Auth;

namespace SnowOps.Cli;

/// <summary><c>snowops token --role R --name N</c>: a bearer token for local use and walk-throughs.</summary>
public static class TokenCommand
{
    public static Command Create()
    {
        var roles = new Option<string[]>("--role", "-r")
        {
            Description = $"Role(s) the token carries: {string.Join(", ", Roles.All)}. Repeat for several.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var name = new Option<string>("--name", "-n") { Description = "Who the token speaks for (a crew id for crews).", Required = true };
        var hours = new Option<double>("--hours") { Description = "Lifetime in hours.", DefaultValueFactory = _ => 12 };
        var dataDir = new Option<string>("--data-dir")
        {
            Description = "The host's data folder, where the embedded mode keeps its signing key (SnowOps:DataDir).",
            DefaultValueFactory = _ => "data",
        };

        var command = new Command("token", "Mint a signed token. The key comes from SnowOps__Auth__SigningKey, else from <data-dir>/signing.key.")
        {
            roles, name, hours, dataDir,
        };
        command.SetAction(parse =>
        {
            var lifetime = parse.GetValue(hours);
            if (lifetime is <= 0 or > 24 * 30)
            {
                Console.Error.WriteLine("--hours must be more than 0 and at most 720.");
                return 2;
            }
            try
            {
                var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
                var key = SigningKey.Resolve(configuration, Path.GetFullPath(parse.GetValue(dataDir)!), createIfMissing: true);
                Console.WriteLine(TokenIssuer.Create(key, parse.GetValue(name)!, parse.GetValue(roles)!, TimeSpan.FromHours(lifetime)));
                return 0;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
        });
        return command;
    }
}
