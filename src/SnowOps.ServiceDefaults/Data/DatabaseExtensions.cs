using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SnowOps.ServiceDefaults.Hosting;
using SnowOps.ServiceDefaults.Messaging.Outbox;

namespace SnowOps.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    public const string MigrationsTable = "__migrations";

    /// <summary>
    /// Registers a module's own database: its own SQLite file in the embedded mode, its own schema in
    /// PostgreSQL otherwise. <typeparamref name="TSqlite"/> and <typeparamref name="TPostgres"/> only carry
    /// each provider's migrations; the module code asks for <typeparamref name="TContext"/>.
    /// </summary>
    public static IHostApplicationBuilder AddModuleDatabase<TContext, TSqlite, TPostgres>(this IHostApplicationBuilder builder, string module)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        var settings = builder.SnowOpsSettings();
        if (settings.Database == DatabaseKind.Postgres)
        {
            var connection = builder.Configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("SnowOps:Database is Postgres but ConnectionStrings:Postgres is not set.");
            builder.Services.AddDbContext<TContext, TPostgres>(o => UsePostgres(o, connection, module));
        }
        else
        {
            Directory.CreateDirectory(settings.DataDir);
            builder.Services.AddDbContext<TContext, TSqlite>(o => UseSqlite(o, SqlitePath(settings.DataDir, module)));
        }

        builder.Services.AddSingleton<IModuleDatabase>(new ModuleDatabase<TContext>(module));
        builder.AddModuleOutbox<TContext>();
        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>($"{module.ToLowerInvariant()}-database", tags: ["ready"]);
        return builder;
    }

    public static string SqlitePath(string dataDir, string module) => Path.Combine(dataDir, $"{module.ToLowerInvariant()}.db");

    public static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder options, string path) =>
        options.UseSqlite($"Data Source={path}", o => o.MigrationsHistoryTable(MigrationsTable));

    public static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder options, string connection, string module) =>
        options.UseNpgsql(connection, o =>
        {
            o.UseNetTopologySuite();
            o.MigrationsHistoryTable(MigrationsTable, SchemaOf(module));
            o.EnableRetryOnFailure(5);
            // A list of ids goes as one array parameter (= ANY(@ids)): one statement and one compiled query for every
            // batch size, where one parameter per id makes a new statement, and a new compiled query, for each count.
            o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter);
        });

    public static string SchemaOf(string module) => module.ToLowerInvariant();
}
